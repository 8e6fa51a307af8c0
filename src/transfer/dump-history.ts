import type { Kysely } from 'kysely';
import { loadAccountSchema, type AccountSchema } from '../content/account-schema.js';
import type { Database } from '../store/tables.js';
import type { ArchivedAudit, ArchivedHistory, ArchivedHistoryVersion, ArchivedTrash } from './history-format.js';
import { mapReferences, type IdMap } from './map-references.js';
import { portableSnapshot } from './portable-snapshot.js';

/**
 * The account's history for an archive: its versions (of live and trashed subjects; those of
 * neither, which nothing can reach, are left out), its trash and its audit records, oldest first.
 * References in stored values keep their entry ids where the entry is live or in the trash,
 * and are dropped otherwise, as entries.json drops them.
 */
export async function dumpHistory(db: Kysely<Database>, accountId: number): Promise<ArchivedHistory> {
  const account = await db
    .selectFrom('accounts')
    .select('schema_version')
    .where('id', '=', accountId)
    .executeTakeFirstOrThrow();
  const schema = await loadAccountSchema(db, accountId, account.schema_version);
  const typeKey = (id: number | null) => {
    const type = id === null ? undefined : schema.byId.get(id);
    return type ? `${type.kind}:${type.key}` : null;
  };
  const liveEntries = new Set(
    (await db.selectFrom('entries').select('id').where('account_id', '=', accountId).execute()).map((r) => r.id),
  );
  const livePosts = new Map(
    (await db.selectFrom('posts').select(['id', 'slug']).where('account_id', '=', accountId).execute()).map((r) => [
      r.id,
      r.slug,
    ]),
  );
  const trashRows = await db
    .selectFrom('trash')
    .selectAll()
    .where('account_id', '=', accountId)
    .orderBy('deleted')
    .orderBy('id')
    .execute();
  const trashed = new Set(trashRows.map((r) => `${r.kind === 'post' ? 'post' : 'entry'}:${r.subject_id}`));
  const keep: IdMap = (id) => (liveEntries.has(id) || trashed.has(`entry:${id}`) ? id : null);
  const trash: ArchivedTrash[] = trashRows.map((r) => ({
    kind: r.kind,
    subject_id: r.subject_id,
    type: typeKey(r.type_id),
    slug: r.slug,
    name: r.name,
    snapshot: portableSnapshot(r.kind, JSON.parse(r.snapshot), schema, {
      subjectId: r.subject_id,
      typeId: 0,
      map: keep,
    }),
    deleted: r.deleted,
    deleted_by: { type: r.actor_type, name: r.actor_name },
    purge_after: r.purge_after,
  }));
  const versions = await dumpVersions(db, accountId, schema, { liveEntries, livePosts, trashed, keep });
  return { versions, trash, audit: await dumpAudit(db, accountId) };
}

async function dumpVersions(
  db: Kysely<Database>,
  accountId: number,
  schema: AccountSchema,
  subjects: { liveEntries: Set<number>; livePosts: Map<number, string>; trashed: Set<string>; keep: IdMap },
): Promise<ArchivedHistoryVersion[]> {
  const rows = await db.selectFrom('versions').selectAll().where('account_id', '=', accountId).orderBy('id').execute();
  const numbers = new Map<number, number>();
  const out: ArchivedHistoryVersion[] = [];
  for (const v of rows) {
    const isPost = v.kind === 'post';
    const live = isPost ? subjects.livePosts.has(v.subject_id) : subjects.liveEntries.has(v.subject_id);
    const inTrash = subjects.trashed.has(`${isPost ? 'post' : 'entry'}:${v.subject_id}`);
    if (!live && !inTrash) continue;
    const type = v.type_id === null ? undefined : schema.byId.get(v.type_id);
    const stored: unknown = JSON.parse(v.fields);
    const id = out.length + 1;
    numbers.set(v.id, id);
    out.push({
      id,
      kind: v.kind,
      entry: !isPost && live ? v.subject_id : null,
      post: isPost && live ? subjects.livePosts.get(v.subject_id)! : null,
      trashed: live ? null : v.subject_id,
      type: type ? `${type.kind}:${type.key}` : null,
      locale: v.locale,
      status: v.status,
      name: v.name,
      slug: v.slug,
      fields: type ? mapReferences(type.fields, stored, schema, subjects.keep) : stored,
      author: { type: v.actor_type, name: v.actor_name },
      restored_from: v.restored_from === null ? null : (numbers.get(v.restored_from) ?? null),
      request_id: v.request_id,
      created: v.created,
    });
  }
  return out;
}

async function dumpAudit(db: Kysely<Database>, accountId: number): Promise<ArchivedAudit[]> {
  const rows = await db.selectFrom('audit_log').selectAll().where('account_id', '=', accountId).orderBy('id').execute();
  return rows.map((r) => ({
    at: r.at,
    actor: { type: r.actor_type, name: r.actor_name },
    action: r.action,
    kind: r.kind,
    target: { id: r.target_id, slug: r.target_slug },
    request_id: r.request_id,
    client: r.client,
    detail: r.detail === null ? null : (JSON.parse(r.detail) as unknown),
  }));
}

/** The values of history that may name library files: version fields and trashed versions. */
export function historyMedia(history: ArchivedHistory): unknown[] {
  const trashed = history.trash.map((row) => {
    const snapshot = row.snapshot as { versions?: { fields?: unknown }[] };
    // An entry's trashed versions hold their fields as stored JSON text; a post's are plain values.
    return (snapshot.versions ?? []).map((v) => (typeof v.fields === 'string' ? JSON.parse(v.fields) : v));
  });
  return [history.versions.map((v) => v.fields), trashed];
}
