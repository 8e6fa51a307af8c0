import { useRef, useState } from 'react';

/** The file's address in a read-only box, with a button that copies it. */
export function CopyUrl({ url }: { url: string }) {
  const box = useRef<HTMLInputElement>(null);
  const [said, setSaid] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setSaid('Copied the address.');
    } catch {
      // Refused (no permission, not a secure origin): leave it selected for the keyboard to copy.
      box.current?.select();
      setSaid('Copying was refused: the address is selected, copy it with Ctrl+C (⌘C on a Mac).');
    }
  };
  return (
    <div className="field">
      <label htmlFor="media-url">Address</label>
      <div className="token-row">
        <input id="media-url" ref={box} readOnly value={url} className="mono" onFocus={(e) => e.target.select()} />
        <button type="button" onClick={() => void copy()}>
          Copy URL
        </button>
      </div>
      <span className="hint" role="status">
        {said}
      </span>
    </div>
  );
}
