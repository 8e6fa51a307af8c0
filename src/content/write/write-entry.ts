import type { Kysely } from 'kysely';
import { errors } from '../../http/errors.js';
import type { Database } from '../../store/tables.js';
import { isoMicro } from '../../time.js';
import type { AccountSchema, ContentType } from '../account-schema.js';
import { resolveReferences } from './resolve-references.js';
import { saveVersion } from './save-version.js';
import { validateFields, type Validation } from './validate-fields.js';

export interface EntryWrite {
  type: ContentType;
  /** Pages: the slug that names the page (created when new). */
  slug?: string;
  /** Collection items: the id to update; absent creates an item. */
  id?: number;
  name?: string;
  locale: string;
  /** Absent keeps the current status; a new entry is then a draft. */
  status?: 'draft' | 'published';
  fields: Record<string, unknown>;
}

/**
 * Validates and stores one entry version in one transaction. Publishing writes the published
 * and latest versions; a draft writes only the latest, so readers without preview keep
 * seeing the published one. Bumps the account's content version.
 */
export async function writeEntry(db: Kysely<Database>, schema: AccountSchema, w: EntryWrite, now = new Date()): Promise<{ id: number }> {
  const v: Validation = { errors: {}, refs: [] };
  const values = validateFields(w.type.fields, w.fields, schema, '', v);
  return db.transaction().execute(async (trx) => {
    await resolveReferences(trx, schema, v);
    if (Object.keys(v.errors).length) throw errors.validation(v.errors);
    const stamp = isoMicro(now);
    const entryId = await findOrCreateEntry(trx, schema.accountId, w, stamp);
    const current = await trx
      .selectFrom('entry_versions')
      .selectAll()
      .where('entry_id', '=', entryId)
      .where('locale', '=', w.locale)
      .execute();
    const latest = current.find((r) => r.channel === 'latest');
    const published = current.find((r) => r.channel === 'published');
    const status = w.status ?? latest?.status ?? 'draft';
    const name = w.name ?? latest?.name ?? w.slug ?? '';
    const base = { entryId, slug: entrySlug(w), locale: w.locale, name, values, updated: stamp };
    if (status === 'published') {
      const publishedAt = published?.published ?? stamp;
      await saveVersion(trx, schema, w.type, { ...base, channel: 'published', status, published: publishedAt });
      await saveVersion(trx, schema, w.type, { ...base, channel: 'latest', status, published: publishedAt });
    } else {
      await saveVersion(trx, schema, w.type, { ...base, channel: 'latest', status, published: published?.published ?? null });
    }
    await trx.updateTable('accounts').set((eb) => ({ content_version: eb('content_version', '+', 1) })).where('id', '=', schema.accountId).execute();
    return { id: entryId };
  });
}

async function findOrCreateEntry(trx: Kysely<Database>, accountId: number, w: EntryWrite, stamp: string): Promise<number> {
  if (w.type.kind === 'collection') {
    if (w.id !== undefined) return w.id;
    const row = await trx.insertInto('entries').values({ account_id: accountId, type_id: w.type.id, slug: null, created: stamp }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  }
  const slug = entrySlug(w)!;
  const existing = await trx.selectFrom('entries').select('id').where('type_id', '=', w.type.id).where('slug', '=', slug).executeTakeFirst();
  if (existing) return existing.id;
  const row = await trx.insertInto('entries').values({ account_id: accountId, type_id: w.type.id, slug, created: stamp }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Single pages are named by their type's key; pages by their slug; items have none. */
function entrySlug(w: EntryWrite): string | null {
  if (w.type.kind === 'collection') return null;
  return w.type.kind === 'single_page' ? w.type.key : (w.slug ?? null);
}
