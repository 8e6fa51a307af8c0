import { useContext, useEffect, useRef, useState } from 'react';
import type { MediaItem } from '../../../src/shared/media';
import { roleAtLeast } from '../../../src/shared/roles';
import { api, accountPath, qs } from '../api';
import { ReadOnlyContext, useAccount } from '../context';
import { useSubmit } from '../hooks/use-submit';
import { uploadMediaFile } from '../screens/media/media-api';
import { ACCEPTED_TYPES } from '../screens/media/file-pick-button';
import type { Paged } from '../types';
import { ErrorNotice, Loading, useLoad } from '../ui';

export const isImage = (mime: string) => mime.startsWith('image/');

/** A library URL's path from /media/ on: a file, under its upload name, after image tasks, with a query. */
const LIBRARY_PATH = /\/media\/((?:[^/?#]+\/)*[0-9a-f]{64}(?:\/[a-z0-9][a-z0-9._-]*)?\.[a-z0-9]+(?:\?[^#]*)?)$/;

/** Where the browser loads a library file from: this origin's /media/ (PUBLIC_URL may name another host). */
export function mediaSrc(url: string): string {
  const m = LIBRARY_PATH.exec(url);
  return m ? `/media/${m[1]}` : url;
}

/** A byte count for people. */
export function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Uploads the chosen files under their names; answers the stored files. */
export async function uploadFiles(accountId: number, files: FileList | File[]): Promise<MediaItem[]> {
  const out: MediaItem[] = [];
  for (const file of Array.from(files))
    out.push(await uploadMediaFile(accountId, file, () => {}, new AbortController().signal));
  return out;
}

/** A file input styled as a button; uploads what is chosen. */
export function UploadButton({
  label = 'Upload files',
  onUploaded,
  onError,
  id,
}: {
  label?: string;
  onUploaded: (files: MediaItem[]) => void;
  onError: (e: unknown) => void;
  id: string;
}) {
  const { account } = useAccount();
  const { busy, run } = useSubmit(onError);
  const input = useRef<HTMLInputElement>(null);
  const onChange = async () => {
    const files = input.current?.files;
    if (!files || files.length === 0) return;
    await run(async () => onUploaded(await uploadFiles(account.id, files)));
    if (input.current) input.current.value = '';
  };
  return (
    <span className="upload">
      <label htmlFor={id} className="button">
        {busy ? 'Uploading…' : label}
      </label>
      <input
        id={id}
        ref={input}
        type="file"
        className="file-input"
        multiple
        accept={ACCEPTED_TYPES}
        disabled={busy}
        onChange={() => void onChange()}
      />
    </span>
  );
}

/** One file in a grid: its thumbnail (or type), its name and size. */
export function MediaTile({ file }: { file: MediaItem }) {
  return (
    <>
      <span className="media-thumb">
        {isImage(file.mime) ? (
          <img src={mediaSrc(file.thumbnail_url ?? file.url)} alt="" loading="lazy" />
        ) : (
          <span aria-hidden="true">{file.mime.split('/')[1]?.toUpperCase()}</span>
        )}
      </span>
      <span className="media-name" title={file.original_name ?? file.name}>
        {file.original_name ?? file.name.replace(/^(.{10}).*(\.\w+)$/, '$1…$2')}
      </span>
      <span className="hint">
        {file.mime} · {size(file.size)}
      </span>
    </>
  );
}

/** A modal dialog to pick a file from the library (or upload one and pick it). */
export function MediaPicker({
  onPick,
  onClose,
  images = false,
}: {
  onPick: (url: string) => void;
  onClose: () => void;
  images?: boolean;
}) {
  const { account } = useAccount();
  const ref = useRef<HTMLDialogElement>(null);
  const [page, setPage] = useState(1);
  const [error, setError] = useState<unknown>(null);
  const list = useLoad(
    () => api<Paged<MediaItem>>('GET', accountPath(account.id, `/media${qs({ page, page_size: 24 })}`)),
    [account.id, page],
  );
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  const files = (list.data?.data ?? []).filter((f) => !images || isImage(f.mime));
  return (
    <dialog
      ref={ref}
      className="dialog wide"
      aria-labelledby="picker-title"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <div className="heading-row">
        <h2 id="picker-title">Choose from the media library</h2>
        {roleAtLeast(account.role, 'editor') && (
          <UploadButton
            id="picker-upload"
            label="Upload new"
            onError={setError}
            onUploaded={(up) => {
              if (up[0]) onPick(up[0].url);
            }}
          />
        )}
      </div>
      <ErrorNotice error={error ?? list.error} />
      {list.loading && !list.data ? (
        <Loading what="media" />
      ) : files.length === 0 ? (
        <p className="hint">No files yet. Upload one.</p>
      ) : (
        <ul className="media-grid" aria-label="Media files">
          {files.map((f) => (
            <li key={f.name}>
              <button
                type="button"
                className="media-card"
                onClick={() => onPick(f.url)}
                aria-label={`Choose ${f.original_name ?? f.name}`}
              >
                <MediaTile file={f} />
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="actions">
        {list.data && list.data.meta.previous_page !== null && (
          <button type="button" onClick={() => setPage(page - 1)}>
            Previous
          </button>
        )}
        {list.data && list.data.meta.next_page !== null && (
          <button type="button" onClick={() => setPage(page + 1)}>
            Next
          </button>
        )}
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}

/** A media value: its URL, a thumbnail, and buttons to pick it from the library or clear it. */
export function MediaField({
  id,
  value,
  onChange,
  describedBy,
  invalid,
  required,
  placeholder,
}: {
  id: string;
  value: string;
  onChange: (url: string) => void;
  describedBy?: string;
  invalid?: boolean;
  required?: boolean;
  placeholder?: string;
}) {
  const [picking, setPicking] = useState(false);
  const readOnly = useContext(ReadOnlyContext);
  return (
    <span className="media-field">
      {/^https?:\/\/.+\.(png|jpe?g|gif|webp|avif)$/i.test(value) && (
        <img src={mediaSrc(value)} alt="" className="thumb" />
      )}
      <input
        id={id}
        type="url"
        aria-describedby={describedBy}
        aria-invalid={invalid}
        required={required}
        placeholder={placeholder ?? 'https://… (fetched into the media library)'}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
      {!readOnly && (
        <button type="button" className="small" onClick={() => setPicking(true)} aria-haspopup="dialog">
          Choose…
        </button>
      )}
      {!readOnly && value && (
        <button type="button" className="small" onClick={() => onChange('')}>
          Clear
        </button>
      )}
      {picking && (
        <MediaPicker
          onClose={() => setPicking(false)}
          onPick={(url) => {
            onChange(url);
            setPicking(false);
          }}
        />
      )}
    </span>
  );
}
