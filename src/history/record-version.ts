import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Actor } from '../audit/actor.js';
import { chunks, LOOKUP_CHUNK } from '../content/write/reference-limits.js';
import type { SubjectKind } from '../store/history-tables.js';
import type { Database } from '../store/tables.js';
import { isoMicro } from '../time.js';

/** One save to keep: a page or item in one locale, or a post (locale ''). */
export interface VersionToRecord {
  accountId: number;
  kind: SubjectKind;
  subjectId: number;
  typeId: number | null;
  locale: string;
  status: string;
  name: string;
  slug: string | null;
  /** JSON of the stored values: an entry's fields, or a post's (post-history.ts). */
  fields: string;
  /** A subject the write just created: it has no version to compare with, so none is looked up. */
  created?: boolean;
}

/**
 * Appends the versions of a save, in its transaction. A version identical (status, name, slug
 * and fields) to the newest one of its subject and locale is not kept again, so saving the same
 * content twice in a row keeps one version. Returns how many were kept.
 */
export async function recordVersions(
  trx: Transaction<Database>,
  actor: Actor,
  saves: VersionToRecord[],
  options: { now: Date; restoredFrom?: number | null },
): Promise<number> {
  if (!saves.length) return 0;
  const rows = saves.map((s) => ({ save: s, fields: s.fields, hash: contentHash(s.status, s.name, s.slug, s.fields) }));
  const compared = saves.filter((s) => !s.created);
  const newest = compared.length ? await newestHashes(trx, saves[0]!.accountId, compared) : new Map<string, string>();
  const kept = rows.filter((r) => newest.get(subjectKey(r.save)) !== r.hash);
  const created = isoMicro(options.now);
  for (const slice of chunks(kept, LOOKUP_CHUNK)) {
    await trx
      .insertInto('versions')
      .values(
        slice.map(({ save: s, fields, hash }) => ({
          account_id: s.accountId,
          kind: s.kind,
          subject_id: s.subjectId,
          type_id: s.typeId,
          locale: s.locale,
          status: s.status,
          name: s.name,
          slug: s.slug,
          fields,
          hash,
          actor_type: actor.type,
          actor_name: actor.name,
          restored_from: options.restoredFrom ?? null,
          request_id: actor.requestId,
          created,
        })),
      )
      .execute();
  }
  return kept.length;
}

function subjectKey(s: { kind: string; subject_id?: number; subjectId?: number; locale: string }): string {
  return `${s.kind}:${s.subjectId ?? s.subject_id}:${s.locale}`;
}

/** The hash of each subject's newest version (per locale), one query per chunk of subjects. */
async function newestHashes(
  trx: Transaction<Database>,
  accountId: number,
  saves: VersionToRecord[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const kind of new Set(saves.map((s) => s.kind))) {
    const ids = [...new Set(saves.filter((s) => s.kind === kind).map((s) => s.subjectId))];
    for (const slice of chunks(ids, LOOKUP_CHUNK)) await newestOf(trx, accountId, kind, slice, out);
  }
  return out;
}

async function newestOf(
  trx: Transaction<Database>,
  accountId: number,
  kind: SubjectKind,
  slice: number[],
  out: Map<string, string>,
): Promise<void> {
  const newest = trx
    .selectFrom('versions')
    .select((eb) => eb.fn.max('id').as('id'))
    .where('account_id', '=', accountId)
    .where('kind', '=', kind)
    .where('subject_id', 'in', slice)
    .groupBy(['subject_id', 'locale']);
  const found = await trx
    .selectFrom('versions')
    .select(['kind', 'subject_id', 'locale', 'hash'])
    .where('id', 'in', newest)
    .execute();
  for (const row of found) out.set(subjectKey(row), row.hash);
}

/** What makes two versions the same: status, name, slug and the fields' JSON. */
export function contentHash(status: string, name: string, slug: string | null, fields: string): string {
  return createHash('sha256')
    .update(JSON.stringify([status, name, slug, fields]))
    .digest('hex');
}
