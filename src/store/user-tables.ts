// Row shapes of the dashboard's tables (migrations 004 and 010): users, their account memberships,
// sign-in sessions, failed sign-in attempts and invitations. Timestamps are ISO 8601 strings, as elsewhere.
import type { Generated, Selectable } from 'kysely';
import type { Role } from '../shared/roles.js';

/** A person who signs in to the dashboard. `email` is stored lowercased and is unique. */
export interface UsersTable {
  id: Generated<number>;
  email: string;
  /** An Argon2id PHC string (`$argon2id$v=19$m=...`); never a password. */
  password_hash: string;
  name: string;
  created: string;
  /** 1 for an install operator (`ghee user set-operator`): sets any plan and monthly call limit. */
  operator: Generated<number>;
}

/** What a user may do in one account. */
export interface MembershipsTable {
  user_id: number;
  account_id: number;
  role: Role;
  created: string;
}

/** A signed-in browser. `id` is the SHA-256 of the cookie's token, so a leaked table signs nobody in. */
export interface SessionsTable {
  id: string;
  user_id: number;
  /** Sent back by the dashboard in `X-CSRF-Token` on every state-changing call. */
  csrf_token: string;
  created: string;
  /** Idle expiry, moved forward as the session is used (never past created + the maximum age). */
  expires: string;
  last_seen: string;
}

/**
 * One counted sign-in attempt per key (`email:<address>`, `ip:<address>`) within a window: a
 * failure (`attempt` null), or an attempt whose password is being checked (`attempt` its id).
 */
export interface SignInFailuresTable {
  key: string;
  at: string;
  attempt: string | null;
}

/**
 * A pending membership (migration 010): the invitee accepts it through a one-time link whose
 * token is stored only as its SHA-256. Accepting or revoking deletes the row.
 */
export interface InvitationsTable {
  id: Generated<number>;
  account_id: number;
  /** Lowercased, as users.email. */
  email: string;
  role: Role;
  /** The name the inviter gave, offered to a new user as theirs. */
  name: string;
  token_hash: string;
  /** The user who invited; null for the operator's CLI or when that user is gone. */
  invited_by: number | null;
  created: string;
  expires: string;
}

export type User = Selectable<UsersTable>;
