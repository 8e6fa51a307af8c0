import { useState } from 'react';
import type { MediaFile } from '../../../src/shared/media';
import { roleAtLeast } from '../../../src/shared/roles';
import { api, accountPath, qs } from '../api';
import { MediaTile, mediaSrc, UploadButton } from '../components/media-picker';
import { useAccount } from '../context';
import { navigate, useRoute } from '../router';
import type { Paged } from '../types';
import { Empty, ErrorNotice, Loading, Notice, ReadOnlyNote, useLoad } from '../ui';
import { Pager } from './pages-list';

/** Media: upload files into the account's library, browse them, copy their URLs. */
export function Media() {
  const { account } = useAccount();
  const { query } = useRoute();
  const page = Number(query.get('page') ?? '1') || 1;
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const list = useLoad(
    () => api<Paged<MediaFile>>('GET', accountPath(account.id, `/media${qs({ page, page_size: 24 })}`)),
    [account.id, page],
  );
  const editor = roleAtLeast(account.role, 'editor');
  const copy = async (file: MediaFile) => {
    try {
      await navigator.clipboard.writeText(file.url);
      setNotice(`Copied the URL of ${file.name}.`);
    } catch {
      window.prompt('Copy this URL', file.url);
    }
  };
  return (
    <section>
      <div className="heading-row">
        <h1>Media</h1>
        {editor && (
          <UploadButton
            id="media-upload"
            onError={setError}
            onUploaded={(files) => {
              setNotice(files.length === 1 ? `Uploaded ${files[0]!.name}.` : `Uploaded ${files.length} files.`);
              if (page !== 1) navigate('/media');
              else list.reload();
            }}
          />
        )}
      </div>
      <p className="lead">
        Images, PDFs, video and audio for pages, collections and posts. Files are checked by their content (PNG, JPEG,
        GIF, WebP, AVIF, PDF, MP4, WebM, MP3) and served from <code>/media/</code>, cached for a year.
      </p>
      {!editor && <ReadOnlyNote role={account.role} />}
      {notice && !error && <Notice kind="ok">{notice}</Notice>}
      <ErrorNotice error={error} />
      {list.loading && !list.data ? (
        <Loading what="media" />
      ) : list.error ? (
        <ErrorNotice error={list.error} />
      ) : !list.data || list.data.data.length === 0 ? (
        <Empty>No files yet.{editor && ' Upload one with the button above.'}</Empty>
      ) : (
        <>
          <ul className="media-grid" aria-label="Media files">
            {list.data.data.map((f) => (
              <li key={f.name} className="media-card">
                <a
                  href={mediaSrc(f.url)}
                  target="_blank"
                  rel="noreferrer"
                  className="media-open"
                  aria-label={`Open ${f.name}`}
                >
                  <MediaTile file={f} />
                </a>
                <button
                  type="button"
                  className="small"
                  onClick={() => void copy(f)}
                  aria-label={`Copy URL of ${f.name}`}
                >
                  Copy URL
                </button>
              </li>
            ))}
          </ul>
          <Pager meta={list.data.meta} onPage={(n) => navigate(`/media${qs({ page: n })}`)} />
        </>
      )}
    </section>
  );
}
