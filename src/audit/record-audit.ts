import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../store/tables.js';
import { isoMicro } from '../time.js';
import type { Actor } from './actor.js';

/** One audit record's subject: what changed (docs/api.md §11). */
export interface AuditEntry {
  /** Null for what belongs to no account (a sign-in with an unknown email). */
  accountId: number | null;
  /** `create`, `update`, `publish`, `delete`, `restore`, `sign_in`, `token.revoke`, ... */
  action: string;
  /** `page`, `item`, `post`, `schema`, `locale`, `token`, `user`, `session`, `webhook`, ... */
  kind: string;
  targetId?: string | number | null;
  targetSlug?: string | null;
  /** What else the action names (a plan, a role, a version id). */
  detail?: Record<string, unknown>;
}

/**
 * Appends audit records, in the caller's transaction when it passes one, so a change and its
 * record commit together. Nothing updates or deletes them but retention (the database refuses).
 */
export async function recordAudit(
  db: Kysely<Database> | Transaction<Database>,
  actor: Actor,
  entries: AuditEntry[],
  now = new Date(),
): Promise<void> {
  if (!entries.length) return;
  const at = isoMicro(now);
  await db
    .insertInto('audit_log')
    .values(
      entries.map((e) => ({
        account_id: e.accountId,
        at,
        actor_type: actor.type,
        actor_name: actor.name,
        action: e.action,
        kind: e.kind,
        target_id: e.targetId === undefined || e.targetId === null ? null : String(e.targetId),
        target_slug: e.targetSlug ?? null,
        request_id: actor.requestId,
        client: actor.client,
        detail: e.detail ? JSON.stringify(e.detail) : null,
      })),
    )
    .execute();
}
