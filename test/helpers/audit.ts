import { expect } from 'vitest';
import { auditRecord, type AuditRecord } from '../../src/audit/list-audit.js';
import type { Store } from '../../src/store/database.js';

// What the audit suites share: the records an action left (read straight from the table, every
// account's and none's, so a record in the wrong account or a second one cannot hide), and what
// a record made by a request must say of it.

/** A record with the account it was filed under. */
export type FiledRecord = AuditRecord & { account_id: number | null };

/** Fastify's request ids, the `request-id` of logs and the `x-request-id` header. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** An audit record's time: ISO 8601 UTC with microseconds. */
export const AT = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/;

/** The address app.inject() requests come from unless told otherwise. */
export const INJECTED_CLIENT = '127.0.0.1';

/** The newest record's id (0 for none): whatever an action records comes after it. */
export async function auditMark(store: Store): Promise<number> {
  const row = await store.db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  return Number(row?.id ?? 0);
}

/** Every record written after `mark`, of any account or none, oldest first. */
export async function auditAfter(store: Store, mark: number): Promise<FiledRecord[]> {
  const rows = await store.db.selectFrom('audit_log').selectAll().where('id', '>', mark).orderBy('id').execute();
  return rows.map((row) => ({ ...auditRecord(row), account_id: row.account_id }));
}

/** Runs `act` and answers what it returned with the records it left. */
export async function recorded<T>(store: Store, act: () => Promise<T>): Promise<{ result: T; records: FiledRecord[] }> {
  const mark = await auditMark(store);
  const result = await act();
  return { result, records: await auditAfter(store, mark) };
}

/** Runs `act` and expects it left exactly one record; answers the reply and that record. */
export async function oneRecord<T>(store: Store, act: () => Promise<T>): Promise<{ result: T; record: FiledRecord }> {
  const { result, records } = await recorded(store, act);
  expect(records.map((r) => r.action)).toHaveLength(1);
  return { result, record: records[0]! };
}

/** Runs `act` and expects it left no record (a refused change). */
export async function noRecord<T>(store: Store, act: () => Promise<T>): Promise<T> {
  const { result, records } = await recorded(store, act);
  expect(records).toEqual([]);
  return result;
}

/** What a record made through a request says of it: that request's id and client address. */
export function fromRequest(reply: { headers: Record<string, unknown> }) {
  const requestId = reply.headers['x-request-id'];
  expect(requestId).toMatch(UUID);
  return { request_id: requestId as string, client: INJECTED_CLIENT };
}

/** A user actor, as dashboard changes name them. */
export function userActor(email: string) {
  return { type: 'user', name: email };
}
