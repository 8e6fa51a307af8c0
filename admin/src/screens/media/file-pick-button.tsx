import { useRef } from 'react';

/** The types the library stores, for the file chooser (the server decides from the bytes anyway). */
export const ACCEPTED_TYPES =
  'image/png,image/jpeg,image/gif,image/webp,image/avif,image/svg+xml,application/pdf,video/mp4,video/webm,audio/mpeg';

/** A file input shown as a button: its label is what assistive technology and tests find. */
export function FilePickButton({
  id,
  label,
  multiple = false,
  disabled = false,
  primary = false,
  onFiles,
}: {
  id: string;
  label: string;
  multiple?: boolean;
  disabled?: boolean;
  primary?: boolean;
  onFiles: (files: File[]) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <span className="upload">
      <label htmlFor={id} className={primary ? 'button primary' : 'button'}>
        {label}
      </label>
      <input
        id={id}
        ref={input}
        type="file"
        className="file-input"
        multiple={multiple}
        accept={ACCEPTED_TYPES}
        disabled={disabled}
        onChange={() => {
          const files = Array.from(input.current?.files ?? []);
          // Cleared, so that choosing the same file again is a change too.
          if (input.current) input.current.value = '';
          if (files.length) onFiles(files);
        }}
      />
    </span>
  );
}
