import { ApiError } from '../../api';
import type { Upload } from './use-uploads';

const why = (error: unknown) => (error instanceof ApiError ? error.message : String(error));

/** The files of the current uploads: a progress bar each, then done or the reason it failed. */
export function UploadQueue({
  uploads,
  onCancel,
  onClear,
}: {
  uploads: Upload[];
  onCancel: (id: number) => void;
  onClear: () => void;
}) {
  if (uploads.length === 0) return null;
  const finished = uploads.some((u) => u.state === 'done' || u.state === 'failed');
  return (
    <section className="upload-queue" aria-label="Uploads">
      <ul>
        {uploads.map((u) => (
          <li key={u.id} className={`upload-row upload-${u.state}`} data-upload={u.fileName}>
            <span className="upload-name">{u.fileName}</span>
            {u.state === 'failed' ? (
              <span className="field-error" role="alert">
                {why(u.error)}
              </span>
            ) : (
              <>
                <progress
                  max={1}
                  value={u.state === 'waiting' ? 0 : u.progress}
                  aria-label={`Upload of ${u.fileName}`}
                />
                <span className="hint">
                  {u.state === 'done'
                    ? 'Uploaded'
                    : u.state === 'waiting'
                      ? 'Waiting'
                      : `${Math.round(u.progress * 100)}%`}
                </span>
              </>
            )}
            {u.state === 'sending' && (
              <button type="button" className="small" onClick={() => onCancel(u.id)}>
                Cancel<span className="visually-hidden"> upload of {u.fileName}</span>
              </button>
            )}
          </li>
        ))}
      </ul>
      {finished && (
        <button type="button" className="small" onClick={onClear}>
          Clear finished uploads
        </button>
      )}
    </section>
  );
}
