import { useEffect, useRef, useState } from 'react';
import { roleAtLeast } from '../../../src/shared/roles';
import { qs } from '../api';
import { useAccount } from '../context';
import { navigate, useRoute } from '../router';
import type { MediaItem } from '../../../src/shared/media';
import { Empty, ErrorNotice, Loading, Notice, ReadOnlyNote } from '../ui';
import { FilePickButton } from './media/file-pick-button';
import type { MediaFilters } from './media/media-api';
import { MediaDetails } from './media/media-details';
import { MediaFilterBar } from './media/media-filters';
import { displayName } from './media/media-format';
import { MediaGrid } from './media/media-grid';
import { UploadQueue } from './media/upload-queue';
import { useFileDrop } from './media/use-file-drop';
import { useMediaList } from './media/use-media-list';
import { useUploads } from './media/use-uploads';

const NO_FILTERS: MediaFilters = { q: '', type: '', tag: '' };

/** What a finished batch of uploads says. */
function uploadedNotice(stored: MediaItem[], failed: number): string {
  const ok = stored.length === 1 ? `Uploaded ${displayName(stored[0]!)}.` : `Uploaded ${stored.length} files.`;
  const refused = failed === 1 ? '1 file was refused: see why above.' : `${failed} files were refused: see why above.`;
  return [stored.length ? ok : '', failed ? refused : ''].filter(Boolean).join(' ');
}

/**
 * Media: the account's library. Upload by dropping files anywhere on the screen or with the
 * button; search, filter and browse the files as a grid; one file's details open in a side panel
 * whose address (`?file=<name>`) survives a reload.
 */
export function Media() {
  const { account } = useAccount();
  const { query } = useRoute();
  const openName = query.get('file');
  const editor = roleAtLeast(account.role, 'editor');
  const [filters, setFilters] = useState<MediaFilters>(NO_FILTERS);
  const [notice, setNotice] = useState('');
  const list = useMediaList(account.id, filters);
  const uploads = useUploads(account.id, (stored, failed) => {
    setNotice(uploadedNotice(stored, failed));
    if (stored.length) list.reload();
  });
  const { dragging, dropProps } = useFileDrop((files) => {
    setNotice('');
    uploads.start(files);
  }, editor);

  const open = (item: MediaItem) => navigate(`/media${qs({ file: item.name })}`);
  const close = () => navigate('/media');
  // Back to the tile the panel was opened from, for the keyboard to go on from there.
  const lastOpen = useRef<string | null>(null);
  useEffect(() => {
    if (openName) lastOpen.current = openName;
    else if (lastOpen.current) {
      document.querySelector<HTMLElement>(`[data-media-name="${CSS.escape(lastOpen.current)}"]`)?.focus();
      lastOpen.current = null;
    }
  }, [openName]);

  const knownTags = [...new Set(list.items.flatMap((i) => i.tags))].sort();
  const filtered = filters.q || filters.type || filters.tag;
  return (
    <section className={dragging ? 'media-library dropping' : 'media-library'} {...dropProps}>
      <div className="heading-row">
        <h1>Media</h1>
        {editor && <FilePickButton id="media-upload" label="Upload files" multiple primary onFiles={uploads.start} />}
      </div>
      <p className="lead">
        Images, PDFs, video and audio for pages, collections and posts. Files are checked by their content (PNG, JPEG,
        GIF, WebP, AVIF, PDF, MP4, WebM, MP3) and served from <code>/media/</code>.
        {editor && ' Drop files anywhere on this screen to upload them.'}
      </p>
      {!editor && <ReadOnlyNote role={account.role} />}
      <UploadQueue uploads={uploads.uploads} onCancel={uploads.cancel} onClear={uploads.clearFinished} />
      {notice && <Notice kind={/refused/.test(notice) ? 'info' : 'ok'}>{notice}</Notice>}
      <MediaFilterBar filters={filters} onChange={setFilters} knownTags={knownTags} />
      {list.error ? (
        <ErrorNotice error={list.error} />
      ) : list.loading && list.items.length === 0 ? (
        <Loading what="media" />
      ) : list.items.length === 0 ? (
        <Empty>
          {filtered ? 'No files match these filters.' : 'No files yet.'}
          {editor && !filtered && ' Drop files here, or upload them with the button above.'}
        </Empty>
      ) : (
        <>
          <MediaGrid items={list.items} onOpen={open} />
          <div className="actions">
            <span className="hint" aria-live="polite">
              Showing {list.items.length} of {list.count} {list.count === 1 ? 'file' : 'files'}
            </span>
            {list.hasMore && (
              <button type="button" onClick={list.loadMore} disabled={list.loading}>
                {list.loading ? 'Loading…' : 'Load more'}
              </button>
            )}
          </div>
        </>
      )}
      {openName && (
        <MediaDetails
          accountId={account.id}
          name={openName}
          editable={editor}
          onClose={close}
          onSaved={list.update}
          onReplaced={(item) => {
            navigate(`/media${qs({ file: item.name })}`, true);
            list.reload();
          }}
          onDeleted={(item) => {
            list.remove(item.name);
            lastOpen.current = null;
            setNotice(`Deleted ${displayName(item)}.`);
            close();
          }}
        />
      )}
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          Drop the files to upload them
        </div>
      )}
    </section>
  );
}
