// The library's calls to the admin API (docs/admin-api.md, "Media library"), in one place.
import { api, accountPath, apiSendForm, qs } from '../../api';
import type { MediaItem, MediaUse } from '../../../../src/shared/media';
import type { Paged } from '../../types';

/** What the grid asks for: a search, a kind of file, a tag; '' for any. */
export interface MediaFilters {
  q: string;
  type: string;
  tag: string;
}

/** The fields of a file that people describe; only those sent change. */
export interface MediaDescription {
  alt?: string;
  caption?: string;
  tags?: string[];
  focal_point?: { x: number; y: number } | null;
}

export const PAGE_SIZE = 24;

const base = (accountId: number, rest = '') => accountPath(accountId, `/media${rest}`);
const one = (accountId: number, name: string, rest = '') => base(accountId, `/${encodeURIComponent(name)}${rest}`);

/** One page of the library, newest first. */
export function listMedia(accountId: number, filters: MediaFilters, page: number): Promise<Paged<MediaItem>> {
  return api('GET', base(accountId, qs({ ...filters, page, page_size: PAGE_SIZE })));
}

export async function getMedia(accountId: number, name: string): Promise<MediaItem> {
  return (await api<{ data: MediaItem }>('GET', one(accountId, name))).data;
}

export async function describeMedia(accountId: number, name: string, patch: MediaDescription): Promise<MediaItem> {
  return (await api<{ data: MediaItem }>('PATCH', one(accountId, name), patch)).data;
}

export async function mediaUses(accountId: number, name: string): Promise<MediaUse[]> {
  return (await api<{ data: MediaUse[] }>('GET', one(accountId, name, '/uses'))).data;
}

/** Deletes a file; refused with 409 while it is used unless `force`. */
export async function deleteMedia(accountId: number, name: string, force: boolean): Promise<void> {
  await api('DELETE', one(accountId, name, force ? '?force=true' : ''));
}

const formOf = (file: File) => {
  const form = new FormData();
  form.append('file', file, file.name);
  return form;
};

/** Uploads one file (one multipart request each, so each has its own progress and its own refusal). */
export async function uploadMediaFile(
  accountId: number,
  file: File,
  onProgress: (fraction: number) => void,
  signal: AbortSignal,
): Promise<MediaItem> {
  const { data } = await apiSendForm<{ data: MediaItem[] }>(base(accountId), formOf(file), onProgress, signal);
  if (!data[0]) throw new Error('The server stored nothing.');
  return data[0];
}

/** Puts `file` in the place of `name`: every entry that used it now uses the new one. */
export async function replaceMedia(
  accountId: number,
  name: string,
  file: File,
  onProgress: (fraction: number) => void,
): Promise<{ media: MediaItem; replaced: number }> {
  return (
    await apiSendForm<{ data: { media: MediaItem; replaced: number } }>(
      one(accountId, name, '/replace'),
      formOf(file),
      onProgress,
    )
  ).data;
}
