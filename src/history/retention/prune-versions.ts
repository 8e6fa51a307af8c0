import type { Kysely } from 'kysely';
import { plans, type Plan } from '../../accounts/plans.js';
import type { SubjectKind } from '../../store/history-tables.js';
import type { Database } from '../../store/tables.js';
import { isoMicro } from '../../time.js';
import { pruneGroup, type VersionGroup } from './prune-group.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Accounts read per query while walking the ones whose plan limits history. */
const ACCOUNT_PAGE = 100;

/** Where a round over every account stands: resume after this group of this account. */
export interface PruneCursor {
  accountId: number;
  /** The last group looked at in that account; null to start at its first. */
  after: { kind: SubjectKind; subjectId: number; locale: string } | null;
}

/** How much one call may do: groups looked at, versions deleted. */
export interface PruneBudget {
  maxGroups: number;
  maxDeletes: number;
}

/** What one call did, and where the next one resumes (null: the round is over, start again). */
export interface PruneResult {
  deleted: number;
  cursor: PruneCursor | null;
}

/**
 * Drops the versions the accounts' plans no longer keep (docs/api.md §12.4): per page or item
 * and locale, or post, the newest and the newest published stay; of the others, those past the
 * plan's `versionsKept` newest or older than its `versionsDays` go. Walks accounts by id and
 * groups by key, from `cursor`, and stops within `budget`, returning where to resume, so one
 * pass never does unbounded work however much history waits. Accounts of an unlimited (or
 * unknown) plan are not read.
 */
export async function pruneVersions(
  db: Kysely<Database>,
  now: Date,
  cursor: PruneCursor | null,
  budget: PruneBudget,
): Promise<PruneResult> {
  const limited = Object.values(plans()).filter((p) => p.versionsKept !== null || p.versionsDays !== null);
  if (!limited.length) return { deleted: 0, cursor: null };
  const byName = new Map(limited.map((p) => [p.name, p]));
  let at = cursor;
  let groups = 0;
  let deleted = 0;
  for (;;) {
    const accounts = await db
      .selectFrom('accounts')
      .select(['id', 'plan'])
      .where('plan', 'in', [...byName.keys()])
      .where('id', '>=', at?.accountId ?? 0)
      .orderBy('id')
      .limit(ACCOUNT_PAGE)
      .execute();
    for (const account of accounts) {
      let after = at?.accountId === account.id ? at.after : null;
      const plan = byName.get(account.plan)!;
      const found = await groupsToPrune(db, account.id, plan, now, after, budget.maxGroups - groups);
      for (const group of found) {
        deleted += await pruneGroup(db, group, budget.maxDeletes - deleted);
        // Out of deletes: this group may hold more, so the next call starts again at it.
        if (deleted >= budget.maxDeletes) return { deleted, cursor: { accountId: account.id, after } };
        groups++;
        after = { kind: group.kind, subjectId: group.subjectId, locale: group.locale };
      }
      if (groups >= budget.maxGroups) return { deleted, cursor: { accountId: account.id, after } };
      at = { accountId: account.id + 1, after: null };
    }
    if (accounts.length < ACCOUNT_PAGE) return { deleted, cursor: null };
  }
}

/**
 * The account's groups (subject and locale) with a version its plan no longer keeps, or that
 * may have one: more versions than kept, or an oldest one past the days. By key after `after`,
 * over the versions_subject index.
 */
async function groupsToPrune(
  db: Kysely<Database>,
  accountId: number,
  plan: Plan,
  now: Date,
  after: PruneCursor['after'],
  limit: number,
): Promise<VersionGroup[]> {
  const cutoff = plan.versionsDays === null ? null : isoMicro(new Date(now.getTime() - plan.versionsDays * DAY_MS));
  let query = db
    .selectFrom('versions')
    .select(['kind', 'subject_id', 'locale'])
    .where('account_id', '=', accountId)
    .groupBy(['kind', 'subject_id', 'locale'])
    .having((eb) => {
      const over = [];
      if (plan.versionsKept !== null) over.push(eb(eb.fn.countAll(), '>', plan.versionsKept));
      if (cutoff !== null) over.push(eb(eb.fn.min('created'), '<', cutoff));
      // One version is always the newest: nothing to drop.
      return eb.and([eb(eb.fn.countAll(), '>', 1), eb.or(over)]);
    })
    .orderBy('kind')
    .orderBy('subject_id')
    .orderBy('locale')
    .limit(limit);
  if (after)
    query = query.where((eb) =>
      eb(eb.refTuple('kind', 'subject_id', 'locale'), '>', eb.tuple(after.kind, after.subjectId, after.locale)),
    );
  const rows = await query.execute();
  return rows.map((r) => ({
    accountId,
    kind: r.kind,
    subjectId: r.subject_id,
    locale: r.locale,
    kept: plan.versionsKept,
    cutoff,
  }));
}
