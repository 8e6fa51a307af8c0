import type { Transaction } from 'kysely';
import type { Actor } from '../../audit/actor.js';
import type { SubjectKind } from '../../store/history-tables.js';
import type { Database } from '../../store/tables.js';
import { isoMicro } from '../../time.js';
import { purgeAfter } from './trash-days.js';
import type { EntrySnapshot, PostSnapshot } from './trash-snapshot.js';

/** What goes into the trash: the subject, how the list names it, and what its delete removed. */
export interface TrashSubject {
  accountId: number;
  kind: SubjectKind;
  subjectId: number;
  typeId: number | null;
  slug: string | null;
  name: string;
  snapshot: EntrySnapshot | PostSnapshot;
}

/** Adds the trash row of a delete, in its transaction, restorable for the days in force. */
export async function putInTrash(
  trx: Transaction<Database>,
  subject: TrashSubject,
  actor: Actor,
  now: Date,
): Promise<void> {
  const row = {
    type_id: subject.typeId,
    slug: subject.slug,
    name: subject.name,
    snapshot: JSON.stringify(subject.snapshot),
    deleted: isoMicro(now),
    actor_type: actor.type,
    actor_name: actor.name,
    purge_after: purgeAfter(now),
  };
  // Ids are never reused, so a row of the same subject is only there if restored rows were
  // written back by hand (an import); the newer delete is the one to keep.
  await trx
    .insertInto('trash')
    .values({ account_id: subject.accountId, kind: subject.kind, subject_id: subject.subjectId, ...row })
    .onConflict((oc) => oc.columns(['account_id', 'kind', 'subject_id']).doUpdateSet(row))
    .execute();
}
