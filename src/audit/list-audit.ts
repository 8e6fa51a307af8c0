import type { Kysely, Selectable, SelectQueryBuilder } from 'kysely';
import type { AuditLogTable } from '../store/history-tables.js';
import type { Database } from '../store/tables.js';
import type { AuditFilter } from './audit-filter.js';

/** One audit record as the API, the dashboard and `ghee audit --json` show it (docs/api.md §12.3). */
export interface AuditRecord {
  id: number;
  at: string;
  actor: { type: string; name: string };
  action: string;
  kind: string;
  target: { id: string | null; slug: string | null };
  request_id: string | null;
  client: string | null;
  detail: Record<string, unknown> | null;
}

/** A page of the list: at most 100 records (the API's page_size cap). */
export interface AuditPage {
  limit: number;
  offset: number;
}

const MAX_LIMIT = 100;

/** A stored row in its shown form. */
export function auditRecord(row: Selectable<AuditLogTable>): AuditRecord {
  return {
    id: row.id,
    at: row.at,
    actor: { type: row.actor_type, name: row.actor_name },
    action: row.action,
    kind: row.kind,
    target: { id: row.target_id, slug: row.target_slug },
    request_id: row.request_id,
    client: row.client,
    detail: row.detail === null ? null : (JSON.parse(row.detail) as Record<string, unknown>),
  };
}

function filtered<O>(
  query: SelectQueryBuilder<Database, 'audit_log', O>,
  accountId: number,
  f: AuditFilter,
): SelectQueryBuilder<Database, 'audit_log', O> {
  let q = query.where('account_id', '=', accountId);
  if (f.since !== undefined) q = q.where('at', '>=', f.since);
  if (f.until !== undefined) q = q.where('at', '<', f.until);
  if (f.actor !== undefined) q = q.where('actor_name', '=', f.actor);
  if (f.kind !== undefined) q = q.where('kind', '=', f.kind);
  if (f.action !== undefined) q = q.where('action', '=', f.action);
  const target = f.target;
  if (target !== undefined) q = q.where((eb) => eb.or([eb('target_id', '=', target), eb('target_slug', '=', target)]));
  return q;
}

/**
 * An account's audit records that match the filter, newest first (by id: the order they were
 * written), one page of them with the count of all that match. Records of no account (a sign-in
 * with an unknown email) are never listed here.
 */
export async function listAudit(
  db: Kysely<Database>,
  accountId: number,
  filter: AuditFilter,
  page: AuditPage,
): Promise<{ records: AuditRecord[]; count: number }> {
  const limit = Math.min(Math.max(page.limit, 1), MAX_LIMIT);
  const [rows, total] = await Promise.all([
    filtered(db.selectFrom('audit_log').selectAll(), accountId, filter)
      .orderBy('id', 'desc')
      .limit(limit)
      .offset(page.offset)
      .execute(),
    filtered(
      db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')),
      accountId,
      filter,
    ).executeTakeFirst(),
  ]);
  return { records: rows.map(auditRecord), count: Number(total?.n ?? 0) };
}
