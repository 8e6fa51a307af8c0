import { PREVIEW_PLACEHOLDERS, PREVIEW_URL_MAX } from '../../../src/shared/preview-url';

/**
 * A preview URL template (docs/api.md §13.5): where the editors' Preview button opens a draft on
 * the site. Empty means none; the server checks the template when the schema is saved.
 */
export function PreviewUrlInput({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="url"
        inputMode="url"
        maxLength={PREVIEW_URL_MAX}
        placeholder="https://www.example.com/api/preview?slug={slug}&token={preview_token}"
        value={value ?? ''}
        aria-describedby={`${id}-hint`}
        onChange={(e) => onChange(e.target.value.trim() === '' ? undefined : e.target.value)}
      />
      <p className="hint" id={`${id}-hint`}>
        Where Preview opens a draft on your site. Placeholders: {PREVIEW_PLACEHOLDERS.map((p) => `{${p}}`).join(' ')}.
      </p>
    </div>
  );
}
