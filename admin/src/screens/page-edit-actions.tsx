import type { ReactNode } from 'react';

/**
 * The page editor's buttons: save (the form's submit), publish, schedule, unpublish, preview and
 * delete for editors; a viewer may only preview a page that is written in the locale shown.
 * `sitePreview` is the Preview button to the site, when the page type has a preview URL.
 */
export function PageEditActions({
  readOnly,
  isNew,
  busy,
  canSave,
  published,
  written,
  onPublish,
  onSchedule,
  onUnpublish,
  onPreview,
  onDelete,
  sitePreview,
}: {
  readOnly: boolean;
  isNew: boolean;
  busy: boolean;
  canSave: boolean;
  published: boolean;
  written: boolean;
  onPublish: () => void;
  onSchedule: () => void;
  onUnpublish: () => void;
  onPreview: () => void;
  onDelete: () => void;
  sitePreview?: ReactNode;
}) {
  if (readOnly) {
    return !isNew && written ? (
      <div className="actions">
        <button type="button" onClick={onPreview}>
          Preview draft
        </button>
      </div>
    ) : null;
  }
  return (
    <div className="actions sticky">
      <button type="submit" disabled={busy || !canSave}>
        Save draft
      </button>
      <button type="button" className="primary" disabled={busy || !canSave} onClick={onPublish}>
        Publish
      </button>
      <button type="button" disabled={busy || !canSave} onClick={onSchedule}>
        Schedule…
      </button>
      {!isNew && published && (
        <button type="button" disabled={busy} onClick={onUnpublish}>
          Unpublish
        </button>
      )}
      {!isNew && written && (
        <button type="button" onClick={onPreview}>
          Preview draft
        </button>
      )}
      {!isNew && sitePreview}
      {!isNew && (
        <button type="button" className="danger" onClick={onDelete}>
          Delete
        </button>
      )}
    </div>
  );
}
