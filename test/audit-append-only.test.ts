import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../src/accounts/accounts.js';
import { cliActor } from '../src/audit/actor.js';
import { recordAudit } from '../src/audit/record-audit.js';
import { DIALECTS, freshStore, type TestStore } from './helpers/databases.js';
import { auditMark } from './helpers/audit.js';

// Audit records are append-only in the database itself (migration 016's triggers, docs/api.md
// §12.3): no statement updates one, whatever its age, and none deletes one younger than a day;
// only retention deletes, and only older ones. Tried here with plain SQL, past every code path.

const DAY_MS = 86_400_000;

describe.each(DIALECTS)('the audit log is append-only (%s)', (dialect) => {
  let store: TestStore;
  let accountId: number;

  beforeAll(async () => {
    store = await freshStore(dialect);
    accountId = (await createAccount(store.db, { name: 'Kept' })).id;
  });

  afterAll(async () => {
    await store?.close();
  });

  /** Writes one record dated `ago` ms back and answers its id. */
  async function record(ago: number): Promise<number> {
    const entry = { accountId, action: 'token.create', kind: 'token', targetId: 1 };
    await recordAudit(store.db, cliActor(), [entry], new Date(Date.now() - ago));
    return auditMark(store);
  }

  const row = (id: number) => store.db.selectFrom('audit_log').selectAll().where('id', '=', id).executeTakeFirst();

  it.for<[string, number]>([
    ['a new record', 0],
    ['a record two days old', 2 * DAY_MS],
  ])('refuses an UPDATE of %s', async ([, ago]) => {
    const id = await record(ago);
    const before = await row(id);
    await expect(
      store.db.updateTable('audit_log').set({ actor_name: 'someone else' }).where('id', '=', id).execute(),
    ).rejects.toThrow(/append-only/);
    expect(await row(id)).toEqual(before);
  });

  it('refuses a DELETE of a record younger than a day', async () => {
    const id = await record(23 * 3_600_000);
    await expect(store.db.deleteFrom('audit_log').where('id', '=', id).execute()).rejects.toThrow(/append-only/);
    expect(await row(id)).toBeDefined();
  });

  it('refuses a DELETE of every record at once while one of them is young, deleting none', async () => {
    const old = await record(3 * DAY_MS);
    const young = await record(0);
    await expect(store.db.deleteFrom('audit_log').where('id', 'in', [old, young]).execute()).rejects.toThrow(
      /append-only/,
    );
    expect(await row(old)).toBeDefined();
    expect(await row(young)).toBeDefined();
  });

  it('lets retention delete a record older than a day', async () => {
    const id = await record(2 * DAY_MS);
    const gone = await store.db.deleteFrom('audit_log').where('id', '=', id).executeTakeFirst();
    expect(Number(gone.numDeletedRows)).toBe(1);
    expect(await row(id)).toBeUndefined();
  });
});
