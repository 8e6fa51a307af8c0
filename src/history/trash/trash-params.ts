import { errors, trashErrors } from '../../errors/index.js';
import { positiveId } from '../../params/positive-id.js';
import type { SubjectKind } from '../../store/history-tables.js';
import type { TrashRef } from './take-trash-row.js';

// The trash's parameters, read the same way by /v2, the admin API and the CLI (docs/api.md §12.2).

const KINDS: readonly SubjectKind[] = ['page', 'item', 'post'];

const isKind = (raw: string | undefined): raw is SubjectKind => KINDS.includes(raw as SubjectKind);

/** `kind=page|item|post` of the list; absent or empty lists every kind. */
export function kindFilter(raw: string | undefined): SubjectKind | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (!isKind(raw)) throw trashErrors.badKind();
  return raw;
}

/** A trash row of a path (`<kind>/<trash_id>`): an unknown kind or a malformed id is the 404 of a missing row. */
export function trashRef(kind: string | undefined, trashId: string | undefined): TrashRef {
  const id = positiveId(trashId);
  if (!isKind(kind) || id === null) throw errors.notFound();
  return { trashId: id, kind };
}

/** `older_than_days`: a whole number of days, 0 or more (at most 100 years). */
export function olderThanDays(raw: string | undefined): number {
  if (raw === undefined || !/^\d{1,5}$/.test(raw)) throw trashErrors.badOlderThan();
  return Number(raw);
}
