import type { Kysely } from 'kysely';
import { planNamed } from '../../accounts/plans.js';
import type { Actor } from '../../audit/actor.js';
import { recordAudit, type AuditEntry } from '../../audit/record-audit.js';
import { schemaMessages } from '../../errors/index.js';
import type { Database } from '../../store/tables.js';
import { countContent } from './content-counts.js';
import { diffSchema } from './diff-schema.js';
import { formatChanges, type SchemaChange } from './schema-change.js';
import { exportSchema } from './export-schema.js';
import { resanitizeNewHtml } from './resanitize-new-html.js';
import { SchemaError } from './schema-error.js';
import { markTypeChangeLoss } from './type-change-loss.js';
import type { SchemaDocument } from './types.js';
import { validateOffThread } from './validate-off-thread.js';
import { writeSchema } from './write-schema.js';

export interface ApplyOptions {
  /** Compute and check the changes, write nothing. */
  dryRun?: boolean;
  /** Go ahead with changes that delete content (docs/api.md §10, "Data loss"). */
  allowDataLoss?: boolean;
  /** Locales the account may have, null for no limit; by default its plan's. */
  planLocaleLimit?: number | null;
  /**
   * Who applies it: an apply that changes something leaves one audit record, in its transaction
   * (`schema.apply`, or what `audit` says). Absent for an archive import and the demo seed.
   */
  actor?: Actor;
  /** The record's action and kind instead of `schema.apply`'s (the locales page: `locales.set`), and more detail. */
  audit?: Pick<AuditEntry, 'action' | 'kind' | 'detail'>;
}

/** The most change lines a `schema.apply` record keeps (its `count` says how many there were). */
const AUDIT_LINES = 50;

export interface ApplyResult {
  changes: SchemaChange[];
  /** False for a dry run; true when the account's schema now equals the document. */
  applied: boolean;
}

/**
 * Applies a schema document to an account in one transaction, and bumps its `schema_version`
 * so that running servers reload it. Throws a SchemaError for an invalid document, for more
 * locales than the plan allows, and for changes that would lose content unless `allowDataLoss`.
 * A dry run makes the same checks, so it fails exactly when the real apply would.
 */
export async function applySchema(
  db: Kysely<Database>,
  accountId: number,
  doc: unknown,
  options: ApplyOptions = {},
): Promise<ApplyResult> {
  const checked = await validateOffThread(doc);
  if (!checked.ok) throw new SchemaError('invalid', checked.errors, schemaMessages.invalidHeading);
  const next = checked.doc;
  if (options.dryRun) {
    const { changes } = await planChanges(db, accountId, next, options);
    return { changes, applied: false };
  }
  const trx = await db.startTransaction().execute();
  try {
    // Bumping first takes the account row's write lock, so concurrent applies (and content writes,
    // which bump content_version) wait, and the counts read below stay true until commit.
    await trx
      .updateTable('accounts')
      .set((eb) => ({ schema_version: eb('schema_version', '+', 1) }))
      .where('id', '=', accountId)
      .execute();
    const { changes, current } = await planChanges(trx, accountId, next, options);
    if (changes.length === 0) {
      await trx.rollback().execute();
      return { changes, applied: true };
    }
    await writeSchema(trx, accountId, current, next);
    await resanitizeNewHtml(trx, accountId, current, next);
    if (options.actor) {
      const lines = formatChanges(changes);
      const { action, kind, detail } = options.audit ?? { action: 'schema.apply', kind: 'schema' };
      const listed = { ...detail, changes: lines.slice(0, AUDIT_LINES), count: lines.length };
      await recordAudit(trx, options.actor, [{ accountId, action, kind, detail: listed }]);
    }
    await trx.commit().execute();
    return { changes, applied: true };
  } catch (error) {
    if (!trx.isCommitted && !trx.isRolledBack) await trx.rollback().execute();
    throw error;
  }
}

async function planChanges(db: Kysely<Database>, accountId: number, next: SchemaDocument, options: ApplyOptions) {
  const account = await db.selectFrom('accounts').select('plan').where('id', '=', accountId).executeTakeFirst();
  if (!account) throw new SchemaError('no_account', [schemaMessages.noAccount(accountId)]);
  // An unknown plan name can only come from plans configured elsewhere; their caller passes the limit.
  const limit =
    options.planLocaleLimit !== undefined ? options.planLocaleLimit : (planNamed(account.plan)?.locales ?? null);
  if (next.locales && limit !== null && next.locales.length > limit) {
    throw new SchemaError('plan_limit', [schemaMessages.planLocales(account.plan, limit, next.locales.length)]);
  }
  const [current, counts] = await Promise.all([exportSchema(db, accountId), countContent(db, accountId)]);
  const changes = diffSchema(current, next, counts);
  await markTypeChangeLoss(db, accountId, current, next, changes);
  const losing = changes.filter((c) => c.dataLoss);
  if (losing.length && !options.allowDataLoss) {
    throw new SchemaError('data_loss', formatChanges(losing), schemaMessages.dataLossHeading);
  }
  return { changes, current };
}
