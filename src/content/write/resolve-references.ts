import type { Kysely } from 'kysely';
import type { Database } from '../../store/tables.js';
import type { AccountSchema } from '../account-schema.js';
import { messages } from '../../errors/index.js';
import { chunks, LOOKUP_CHUNK } from './reference-limits.js';
import type { RefRequest, Validation } from './validate-fields.js';

/**
 * Turns queued references (page slugs, item ids) into entry ids: per target type, each distinct
 * slug or id is looked up once, in chunks of LOOKUP_CHUNK, so the work grows linearly with the
 * references and no statement binds more values than either database allows. A target that does
 * not exist, or is of another type than the schema allows, is a field error.
 */
export async function resolveReferences(db: Kysely<Database>, schema: AccountSchema, v: Validation): Promise<void> {
  const byTarget = new Map<string, RefRequest[]>();
  for (const ref of v.refs) {
    let refs = byTarget.get(ref.to);
    if (!refs) byTarget.set(ref.to, (refs = []));
    refs.push(ref);
  }
  for (const [to, refs] of byTarget) {
    const type = schema.byKey.get(to);
    const isPage = to.startsWith('page_type:');
    const found = new Map<string, number>();
    if (type) {
      const query = db.selectFrom('entries').select(['id', 'slug']).where('type_id', '=', type.id);
      if (isPage) {
        const slugs = [...new Set(refs.map((r) => String(r.value)))];
        for (const slice of chunks(slugs, LOOKUP_CHUNK)) {
          for (const row of await query.where('slug', 'in', slice).execute()) found.set(row.slug!, row.id);
        }
      } else {
        const ids = [
          ...new Set(refs.map((r) => Number(r.value)).filter((n) => Number.isSafeInteger(n) && n > 0 && n < 2 ** 31)),
        ];
        for (const slice of chunks(ids, LOOKUP_CHUNK)) {
          for (const row of await query.where('id', 'in', slice).execute()) found.set(String(row.id), row.id);
        }
      }
    }
    const key = to.slice(to.indexOf(':') + 1);
    for (const ref of refs) {
      const id = found.get(String(ref.value));
      if (id !== undefined) ref.assign(id);
      else
        (v.errors[ref.path] ??= []).push(
          isPage ? messages.pageRef(String(ref.value), key) : messages.itemRef(String(ref.value), key),
        );
    }
  }
}
