import { useState } from 'react';
import type { NewWebhook } from '../../../src/shared/webhooks';
import { Notice } from '../ui';

/** A webhook's signing secret, shown once after it is added: masked until revealed. */
export function WebhookSecret({ hook, onDone }: { hook: NewWebhook; onDone: () => void }) {
  const [shown, setShown] = useState(false);
  const [copied, setCopied] = useState('');
  const { secret } = hook;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('Copied to the clipboard.');
    } catch {
      setShown(true);
      setCopied('Copying is not allowed here: select the secret and copy it yourself.');
    }
  };
  return (
    <div className="card fresh-token" role="region" aria-label="Signing secret of the new webhook">
      <h2>Signing secret of the new webhook</h2>
      <p>Copy it now and give it to your receiver to verify the <code>webhook-signature</code> header: this is the only time it is shown.</p>
      <div className="token-row">
        <code className="token-value" data-testid="webhook-secret" data-secret={shown ? secret : undefined}>
          {shown ? secret : `whsec_${'•'.repeat(24)}${secret.slice(-4)}`}
        </code>
        <button type="button" onClick={() => setShown(!shown)} aria-pressed={shown}>{shown ? 'Hide' : 'Reveal'}</button>
        <button type="button" onClick={copy}>Copy</button>
        <button type="button" onClick={onDone}>Done</button>
      </div>
      {copied && <Notice kind="ok">{copied}</Notice>}
    </div>
  );
}
