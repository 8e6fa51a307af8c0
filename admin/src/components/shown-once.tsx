import { useState, type ReactNode } from 'react';
import { Notice } from '../ui';

/**
 * A secret shown once, right after it was made (a token, a webhook's signing secret): masked until
 * revealed, with a copy button that falls back to revealing it where the clipboard is refused.
 * The e2e suites read the value from `data-<valueAttribute>` once it is revealed.
 */
export function ShownOnce(props: {
  title: string;
  /** What the secret is called in the fallback text ("the token"). */
  noun: string;
  intro: ReactNode;
  value: string;
  masked: string;
  testId: string;
  valueAttribute: string;
  onDone: () => void;
}) {
  const [shown, setShown] = useState(false);
  const [copied, setCopied] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.value);
      setCopied('Copied to the clipboard.');
    } catch {
      setShown(true);
      setCopied(`Copying is not allowed here: select ${props.noun} and copy it yourself.`);
    }
  };
  const data = { [`data-${props.valueAttribute}`]: shown ? props.value : undefined };
  return (
    <div className="card fresh-token" role="region" aria-label={props.title}>
      <h2>{props.title}</h2>
      <p>{props.intro}</p>
      <div className="token-row">
        <code className="token-value" data-testid={props.testId} {...data}>
          {shown ? props.value : props.masked}
        </code>
        <button type="button" onClick={() => setShown(!shown)} aria-pressed={shown}>
          {shown ? 'Hide' : 'Reveal'}
        </button>
        <button type="button" onClick={copy}>
          Copy
        </button>
        <button type="button" onClick={props.onDone}>
          Done
        </button>
      </div>
      {copied && <Notice kind="ok">{copied}</Notice>}
    </div>
  );
}
