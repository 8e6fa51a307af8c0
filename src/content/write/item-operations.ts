import { errors, messages } from '../../errors/index.js';
import { forceFlag } from '../../params/query-bool.js';
import type { ContentType } from '../account-schema.js';
import { enabledLocale } from '../enabled-locale.js';
import { collectionOf, itemTarget } from '../find-item.js';
import { deleteEntry } from './delete-entry.js';
import { splitLocales } from './locale-fields.js';
import type { WriteContext } from './write-context.js';
import { writeEntries, writeEntry } from './write-entry.js';
import type { TimingInput } from './entry-schedule.js';
import { timingOf } from './page-operations.js';

// The collection item writes of both APIs (/v2 and the dashboard's), as page-operations.ts for pages.

/** An item write's values, as the body carries them, and the query's `locale`. */
export interface ItemInput extends TimingInput {
  fields: Record<string, unknown>;
  /** `?locale=` as sent: flat `fields` are in it (absent: the account's default). */
  locale?: string;
}

/** An item of a path: its collection key and id, as sent. */
export interface ItemPath {
  key: string;
  id: string | undefined;
}

/**
 * Creates one item per element of `items`, all in one transaction (error paths then start with
 * the item's index when there are several). The collection is named by the path or the body;
 * named by both, they must agree.
 */
export async function createItems(
  c: WriteContext,
  input: Omit<ItemInput, 'fields'> & { pathKey?: string; bodyKey?: string; items: Record<string, unknown>[] },
): Promise<{ type: ContentType; ids: number[] }> {
  const locale = enabledLocale(c.schema, input.locale);
  const { pathKey, bodyKey } = input;
  if (pathKey !== undefined && bodyKey !== undefined && bodyKey !== pathKey) {
    throw errors.validation({ key: [messages.keyMismatch(bodyKey, pathKey)] });
  }
  const key = pathKey ?? bodyKey;
  if (key === undefined) throw errors.validation({ key: [messages.required] });
  const type = collectionOf(c.schema, key);
  const writes = input.items.map((fields) => ({
    type,
    intent: 'create' as const,
    ...timingOf(input),
    ...splitLocales(fields, type, c.schema, locale),
    mode: { partial: false, requireAll: false },
  }));
  const written = await writeEntries(c.db, c.schema, writes, {
    actor: c.actor,
    ingestMedia: c.ingestMedia,
    now: c.now,
  });
  return { type, ids: written.map((w) => w.id) };
}

/** Changes the item of `path`: `partial`, only the fields sent; else fields left out read back empty. */
export async function updateItem(
  c: WriteContext,
  path: ItemPath,
  input: ItemInput,
  options: { partial: boolean },
): Promise<{ type: ContentType; id: number }> {
  const locale = enabledLocale(c.schema, input.locale);
  const { type, id } = itemTarget(c.schema, path.key, path.id);
  await writeEntry(
    c.db,
    c.schema,
    {
      type,
      intent: 'update',
      id,
      ...timingOf(input),
      ...splitLocales(input.fields, type, c.schema, locale),
      mode: { partial: options.partial, requireAll: false },
    },
    { actor: c.actor, ingestMedia: c.ingestMedia, now: c.now },
  );
  return { type, id };
}

/** Deletes the item of `path`; refused while other content references it, unless `?force=` (as sent) is true. */
export async function deleteItem(c: WriteContext, path: ItemPath, force: string | undefined): Promise<void> {
  const { type, id } = itemTarget(c.schema, path.key, path.id);
  await deleteEntry(c.db, c.schema, type, { id }, forceFlag(force), c.actor);
}
