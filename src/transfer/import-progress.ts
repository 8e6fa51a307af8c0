import type { Kysely } from 'kysely';
import type { Database } from '../store/tables.js';
import { isoMicro } from '../time.js';

/**
 * The committed steps of one import (`source`) into one account. A step is marked done in the
 * transaction that writes it, so after an interruption a run again skips exactly those steps.
 */
export class ImportProgress {
  constructor(
    private readonly db: Kysely<Database>,
    readonly accountId: number,
    readonly source: string,
  ) {}

  /** The steps already committed, with their details. */
  async done(): Promise<Map<string, string>> {
    const rows = await this.db
      .selectFrom('import_progress')
      .select(['step', 'detail'])
      .where('account_id', '=', this.accountId)
      .where('source', '=', this.source)
      .execute();
    return new Map(rows.map((r) => [r.step, r.detail]));
  }

  /** Marks a step done; pass the step's transaction so both commit together. */
  async mark(step: string, trx: Kysely<Database> = this.db, detail = ''): Promise<void> {
    await trx
      .insertInto('import_progress')
      .values({ account_id: this.accountId, source: this.source, step, done: isoMicro(new Date()), detail })
      .onConflict((oc) => oc.columns(['account_id', 'source', 'step']).doNothing())
      .execute();
  }
}

/** The accounts with steps of `source` recorded (to find the account a `--new-account` run made). */
export async function accountsImporting(db: Kysely<Database>, source: string): Promise<number[]> {
  const rows = await db
    .selectFrom('import_progress')
    .select('account_id')
    .distinct()
    .where('source', '=', source)
    .execute();
  return rows.map((r) => r.account_id);
}
