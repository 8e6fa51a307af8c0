import { ArchiveError } from './archive-io.js';
import type { ArchivedHistory } from './history-format.js';

// An archive is a file anyone could have written: its history is checked, shape by shape, before
// the import changes anything, so a bad one is refused naming where, never half-restored, and a
// trash row it brings can always be restored later.

type Check = (value: unknown) => boolean;

const str: Check = (v) => typeof v === 'string';
const strOrNull: Check = (v) => v === null || typeof v === 'string';
const int: Check = (v) => Number.isSafeInteger(v) && (v as number) > 0;
const intOrNull: Check = (v) => v === null || int(v);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const objectOrNull: Check = (v) => v === null || isObject(v);
const oneOf =
  (...values: string[]): Check =>
  (v) =>
    typeof v === 'string' && values.includes(v);
const shape =
  (fields: Record<string, Check>): Check =>
  (v) =>
    isObject(v) && Object.entries(fields).every(([key, check]) => check(v[key]));
const listOf =
  (check: Check): Check =>
  (v) =>
    Array.isArray(v) && v.every(check);
const jsonObject: Check = (v) => {
  if (typeof v !== 'string') return false;
  try {
    return isObject(JSON.parse(v));
  } catch {
    return false;
  }
};

const kind = oneOf('page', 'item', 'post');
const actor = shape({ type: str, name: str });
const term = shape({ name: str });

const version = shape({
  id: int,
  kind,
  entry: intOrNull,
  post: strOrNull,
  trashed: intOrNull,
  type: strOrNull,
  locale: str,
  status: str,
  name: str,
  slug: strOrNull,
  fields: isObject,
  author: actor,
  restored_from: intOrNull,
  request_id: strOrNull,
  created: str,
});

const entrySnapshot = shape({
  entry: shape({ slug: strOrNull, created: str }),
  type: shape({ key: str, kind: oneOf('page_type', 'single_page', 'collection') }),
  versions: listOf(
    shape({
      locale: str,
      channel: oneOf('published', 'latest'),
      status: oneOf('draft', 'published'),
      name: str,
      fields: jsonObject,
      updated: str,
      published: strOrNull,
    }),
  ),
});

const postText = ['title', 'body', 'summary', 'seo_title', 'meta_description', 'featured_image', 'featured_image_alt'];
const postSnapshot = shape({
  post: shape({ slug: str, created: str }),
  versions: listOf(
    shape({
      channel: oneOf('published', 'latest'),
      status: oneOf('draft', 'published', 'scheduled'),
      ...Object.fromEntries(postText.map((key) => [key, str])),
      updated: str,
      published: strOrNull,
      scheduled: strOrNull,
      author: shape({ slug: strOrNull }),
      categories: listOf(term),
      tags: listOf(term),
    }),
  ),
});

const trashRow: Check = (v) =>
  shape({
    kind,
    subject_id: int,
    type: strOrNull,
    slug: strOrNull,
    name: str,
    deleted: str,
    deleted_by: actor,
    purge_after: str,
  })(v) &&
  ((v as { kind: string }).kind === 'post' ? postSnapshot : entrySnapshot)((v as { snapshot: unknown }).snapshot);

const auditRecord = shape({
  at: str,
  actor,
  action: str,
  kind: str,
  target: shape({ id: strOrNull, slug: strOrNull }),
  request_id: strOrNull,
  client: strOrNull,
  detail: objectOrNull,
});

/** Each version names its subject once: by entry id for pages and items, by slug for posts, or in the trash. */
const oneSubject: Check = (v) => {
  const r = v as { kind: string; entry: unknown; post: unknown; trashed: unknown };
  const named = [r.entry, r.post, r.trashed].filter((x) => x !== null).length;
  return named === 1 && (r.kind === 'post' ? r.entry === null : r.post === null);
};

/** The parsed history files, checked; an ArchiveError names the first record that is not right. */
export function checkHistory(files: Record<string, unknown>): ArchivedHistory {
  const each = (file: string, check: Check) => {
    const list = files[file];
    if (!Array.isArray(list)) throw new ArchiveError(`${file}.json must hold a list`);
    list.forEach((item, i) => {
      if (!check(item)) throw new ArchiveError(`${file}.json: record ${i + 1} is not one Ghee could have written`);
    });
  };
  each('versions', (v) => version(v) && oneSubject(v));
  each('trash', trashRow);
  each('audit', auditRecord);
  return files as unknown as ArchivedHistory;
}
