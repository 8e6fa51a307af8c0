import type { Role } from './roles.js';

// Dashboard users, memberships and invitations as the admin API shows them (docs/admin-api.md).

/** A user as the admin API and the CLI show one: never the hash. */
export interface UserSummary {
  id: number;
  email: string;
  name: string;
  created: string;
}

/** A user's place in an account. */
export interface Member extends UserSummary {
  role: Role;
}

/** An account a user belongs to, as the session shows it. */
export interface AccountMembership {
  account: { id: number; slug: string; name: string; plan: string };
  role: Role;
}

/** What became of a mail: sent, refused or unreachable (`failed`), or not tried (no SMTP_URL). */
export type MailOutcome = 'sent' | 'failed' | 'not_configured';

/** A pending invitation as admins see it: never its token. */
export interface Invitation {
  id: number;
  email: string;
  name: string;
  role: Role;
  created: string;
  expires: string;
  expired: boolean;
  invited_by: { id: number; email: string; name: string } | null;
}

/** The answer that makes (or renews) an invitation: its link, this once, and what became of the mail. */
export type SentInvitation = Invitation & { link: string; mail: MailOutcome };

/** What the invitation link's page shows its holder. */
export interface InvitationView {
  email: string;
  name: string;
  role: Role;
  expires: string;
  account: { id: number; name: string };
  invited_by: { email: string; name: string } | null;
  /** True for an email with no user yet: accepting sets its password. */
  password_required: boolean;
}
