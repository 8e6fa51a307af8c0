import type { Kysely } from 'kysely';
import type { Database } from '../../store/tables.js';
import type { AccountSchema } from '../account-schema.js';
import { messages } from './messages.js';
import type { Validation } from './validate-fields.js';

/**
 * Turns queued references (page slugs, item ids) into entry ids: one query per target type.
 * A target that does not exist, or is of another type than the schema allows, is a field error.
 */
export async function resolveReferences(db: Kysely<Database>, schema: AccountSchema, v: Validation): Promise<void> {
  const byTarget = new Map<string, typeof v.refs>();
  for (const ref of v.refs) byTarget.set(ref.to, [...(byTarget.get(ref.to) ?? []), ref]);
  for (const [to, refs] of byTarget) {
    const type = schema.byKey.get(to);
    const isPage = to.startsWith('page_type:');
    const found = new Map<string, number>();
    if (type) {
      const query = db.selectFrom('entries').select(['id', 'slug']).where('type_id', '=', type.id);
      if (isPage) {
        const slugs = refs.map((r) => String(r.value));
        for (const row of await query.where('slug', 'in', slugs).execute()) found.set(row.slug!, row.id);
      } else {
        const ids = refs.map((r) => Number(r.value)).filter((n) => Number.isSafeInteger(n) && n > 0 && n < 2 ** 31);
        if (ids.length) for (const row of await query.where('id', 'in', ids).execute()) found.set(String(row.id), row.id);
      }
    }
    const key = to.slice(to.indexOf(':') + 1);
    for (const ref of refs) {
      const id = found.get(String(ref.value));
      if (id !== undefined) ref.assign(id);
      else (v.errors[ref.path] ??= []).push(isPage ? messages.pageRef(String(ref.value), key) : messages.itemRef(String(ref.value), key));
    }
  }
}
