import type { Kysely } from 'kysely';
import type { AccountSchema, ContentType } from '../../content/account-schema.js';
import type { MediaUse } from '../../shared/media.js';
import type { Database } from '../../store/tables.js';
import { mentions, type MediaBases } from './media-refs.js';
import { postsMentioning, versionsMentioning, type MentioningVersion } from './mentioning-rows.js';
import { stringLeaves } from './value-strings.js';

/** Most uses one answer lists (the count still counts them all). */
export const MAX_USES = 500;

/** Where an account's content uses a file. */
export interface MediaUses {
  /** Each place once (a published and a newer draft version of it are one place), at most MAX_USES. */
  uses: MediaUse[];
  /** How many pages, items and posts use it. */
  count: number;
}

/**
 * Where-used: the pages and collection items (their current versions, published and latest, in
 * every locale) and the posts of the account whose stored values mention the file `name`, in a
 * media field, in rich text or as a featured image.
 */
export async function findUses(
  db: Kysely<Database>,
  schema: AccountSchema,
  name: string,
  urls: MediaBases,
): Promise<MediaUses> {
  const hash = name.slice(0, name.indexOf('.'));
  const found = new Map<string, MediaUse>();
  const owners = new Set<string>();
  const add = (use: MediaUse) => {
    owners.add(`${use.kind === 'post' ? 'p' : 'e'}${use.id}`);
    const key = `${use.kind}:${use.id}:${use.locale}:${use.path}`;
    if (found.size < MAX_USES && !found.has(key)) found.set(key, use);
  };
  for await (const batch of versionsMentioning(db, schema.accountId, hash)) {
    for (const row of batch) {
      const type = schema.byId.get(row.type_id);
      if (!type || type.kind === 'component') continue;
      const values: unknown = JSON.parse(row.fields);
      for (const [path, text] of stringLeaves(values)) {
        if (mentions(text, name, urls)) add(entryUse(type, row, values, path));
      }
    }
  }
  for await (const batch of postsMentioning(db, schema.accountId, hash)) {
    for (const row of batch) {
      const use = { kind: 'post', id: row.id, type: null, slug: row.slug, title: row.title, locale: null } as const;
      if (mentions(row.featured_image, name, urls)) add({ ...use, path: 'featured_image' });
      if (mentions(row.body, name, urls)) add({ ...use, path: 'body' });
    }
  }
  return { uses: [...found.values()], count: owners.size };
}

function entryUse(type: ContentType, row: MentioningVersion, values: unknown, path: string): MediaUse {
  const item = type.kind === 'collection';
  return {
    kind: item ? 'collection_item' : 'page',
    id: row.entry_id,
    type: type.kind === 'single_page' ? null : type.key,
    slug: item ? null : row.slug,
    title: item ? itemTitle(type, values, row.entry_id) : row.name,
    locale: row.locale,
    path,
  };
}

/** An item's title, as its webhooks label it: its first plain text value, else the collection and id. */
function itemTitle(type: ContentType, values: unknown, id: number): string {
  const fields = typeof values === 'object' && values !== null ? (values as Record<string, unknown>) : {};
  for (const key of Object.keys(type.fields)) {
    const value = fields[key];
    if (typeof value === 'string' && value.trim() && !value.includes('<') && !value.startsWith('/media/')) return value;
  }
  return `${type.name} ${id}`;
}
