import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect/dialect.js';

/**
 * Invitations: pending memberships that the invitee accepts through a one-time link. Only the
 * SHA-256 of the link's token is stored; a row lives until it is accepted, revoked or replaced,
 * and one account has at most one per email (inviting again replaces it).
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const text = sql.raw(dialect.binaryText);
  const id = sql.raw(dialect.serialPrimaryKey);

  await sql`create table invitations (
    id ${id},
    account_id integer not null references accounts(id) on delete cascade,
    email ${text} not null,
    role text not null check (role in ('owner', 'admin', 'editor', 'viewer')),
    name text not null default '',
    token_hash ${text} not null unique,
    invited_by integer references users(id) on delete set null,
    created ${text} not null,
    expires ${text} not null,
    unique (account_id, email)
  )`.execute(db);
  await sql`create index invitations_expires on invitations (account_id, expires)`.execute(db);
}
