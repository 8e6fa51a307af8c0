/** What /v2 answers for the newest version of a page with preview=1, in the locale shown. */
export function PagePreview({ preview, locale, onClose }: { preview: unknown; locale: string; onClose: () => void }) {
  return (
    <div className="card" role="region" aria-label="Preview">
      <div className="heading-row">
        <h2>Preview of the newest version ({locale})</h2>
        <button type="button" onClick={onClose}>
          Close preview
        </button>
      </div>
      <p className="hint">
        What <code>/v2</code> answers with <code>preview=1</code>.
      </p>
      <pre className="json">{JSON.stringify(preview, null, 2)}</pre>
    </div>
  );
}
