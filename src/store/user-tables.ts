// Row shapes of the dashboard's tables (migration 004): users, their account memberships,
// sign-in sessions and failed sign-in attempts. Timestamps are ISO 8601 strings, as elsewhere.
import type { Generated, Selectable } from 'kysely';

/** A person who signs in to the dashboard. `email` is stored lowercased and is unique. */
export interface UsersTable {
  id: Generated<number>;
  email: string;
  /** An Argon2id PHC string (`$argon2id$v=19$m=...`); never a password. */
  password_hash: string;
  name: string;
  created: string;
}

/** What a user may do in one account. */
export interface MembershipsTable {
  user_id: number;
  account_id: number;
  role: 'owner' | 'admin' | 'editor' | 'viewer';
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

/** One failed sign-in, counted per key (`email:<address>`, `ip:<address>`) within a window. */
export interface SignInFailuresTable {
  key: string;
  at: string;
}

export type User = Selectable<UsersTable>;
export type Role = MembershipsTable['role'];
