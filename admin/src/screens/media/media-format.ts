// How the library shows a file: where the browser loads it from, its name, size and type in words.
import type { MediaItem, MediaKind, MediaUse } from '../../../../src/shared/media';
import { qs } from '../../api';

/** The kinds of file the type filter offers, in words. */
export const KIND_LABELS: Record<MediaKind, string> = {
  image: 'Images',
  video: 'Video',
  audio: 'Audio',
  document: 'Documents',
};

/**
 * Where the browser loads a library address from: this origin's /media/ (with its query), since
 * PUBLIC_URL may name a host that does not serve this dashboard (a CDN not set up yet, a proxy).
 */
export function localSrc(url: string): string {
  const at = url.indexOf('/media/');
  return at >= 0 ? url.slice(at) : url;
}

/** The name people know the file by: the uploaded name, else the stored one. */
export function displayName(item: MediaItem): string {
  return item.original_name || item.name;
}

/** The text alternative of the file's thumbnail: its alt text, else its name. */
export function altOf(item: MediaItem): string {
  return item.alt.trim() || displayName(item);
}

/** The file's extension in capitals (PDF, MP4): what a tile shows for files without a thumbnail. */
export function extensionOf(item: MediaItem): string {
  return (/\.([a-z0-9]+)$/i.exec(item.name)?.[1] ?? item.mime.split('/')[1] ?? '?').toUpperCase();
}

export const isImageItem = (item: MediaItem) => item.mime.startsWith('image/');

/** A byte count for people. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** `1200 × 800`, or '' when the file has no dimensions (not an image, or not measured). */
export function dimensionsOf(item: MediaItem): string {
  return item.width && item.height ? `${item.width} × ${item.height}` : '';
}

/** Tags typed as `hero, summer ,  ` -> ['hero', 'summer']: trimmed, no empties, no repeats. */
export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
}

/** The dashboard path of the editor of an entry or post that uses a file. */
export function editorPathOf(use: MediaUse): string {
  const enc = encodeURIComponent;
  const locale = qs({ locale: use.locale });
  if (use.kind === 'post') return `/posts/${enc(use.slug ?? '')}`;
  if (use.kind === 'collection_item') return `/collections/${enc(use.type ?? '')}/${use.id}${locale}`;
  return `/pages/${enc(use.type ?? '*')}/${enc(use.slug ?? '')}${locale}`;
}

/** What kind of entry uses the file, in words. */
export function kindLabelOf(use: MediaUse): string {
  if (use.kind === 'post') return 'Blog post';
  if (use.kind === 'collection_item') return `Item of ${use.type ?? 'a collection'}`;
  return use.type ? `Page (${use.type})` : 'Single page';
}
