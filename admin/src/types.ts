// Shapes of the admin API's answers (docs/admin-api.md).

export type Role = 'viewer' | 'editor' | 'admin' | 'owner';
const RANK: Record<Role, number> = { viewer: 0, editor: 1, admin: 2, owner: 3 };

/** True when `role` includes `needed` (each role includes the ones before it). */
export function can(role: Role, needed: Role): boolean {
  return RANK[role] >= RANK[needed];
}

export interface Membership {
  account: { id: number; slug: string; name: string; plan: string };
  role: Role;
}

export interface Session {
  user: { id: number; email: string; name: string } | null;
  memberships: Membership[];
  csrf_token: string;
}

export interface Features {
  monthly_calls: number | null;
  blocked_over_limit: boolean;
  write_api: boolean;
  locales: number | null;
  webhooks: boolean;
}

export interface Locale {
  slug: string;
  name: string;
  default: boolean;
  entries?: number;
}

export interface Account {
  id: number;
  slug: string;
  name: string;
  plan: string;
  monthly_call_limit: number | null;
  billing_anchor_day: number;
  features: Features | null;
  locales: Locale[];
  role: Role;
}

export interface Paged<T> {
  meta: { count: number; next_page: number | null; previous_page: number | null };
  data: T[];
}

export interface Change {
  op: '+' | '-' | '~';
  path: string;
  description: string;
  data_loss: boolean;
  line: string;
}

export interface FieldDef {
  type: string;
  required?: boolean;
  localized?: boolean;
  help_text?: string;
  min_length?: number;
  max_length?: number;
  pattern?: string;
  min?: number;
  max?: number;
  options?: string[];
  to?: string;
  many?: boolean;
  component?: string;
  components?: string[];
  fields?: Record<string, FieldDef>;
}

export interface TypeDef {
  name?: string;
  fields: Record<string, FieldDef>;
}

export type Section = 'page_types' | 'single_pages' | 'collections' | 'components';

export interface SchemaDoc {
  locales?: Locale[];
  components: Record<string, TypeDef>;
  page_types: Record<string, TypeDef>;
  single_pages: Record<string, TypeDef>;
  collections: Record<string, TypeDef>;
}

/** A page or item as its editor sees it, in one locale. */
export interface Entry {
  slug?: string;
  page_type?: string | null;
  name?: string;
  id?: number;
  collection?: string;
  locale: string;
  status: 'draft' | 'published' | null;
  published: string | null;
  updated: string | null;
  unpublished_changes: boolean;
  locales: string[];
  fields: Record<string, unknown>;
}

export interface EntrySummary {
  slug?: string;
  id?: number;
  page_type?: string | null;
  name?: string;
  status: string;
  published: string | null;
  updated: string;
  fields?: Record<string, unknown>;
}

export interface Token {
  id: number;
  kind: 'read' | 'write';
  prefix: string;
  last4: string;
  label: string;
  created: string;
  last_used: string | null;
  revoked: boolean;
  token?: string;
}

export interface Usage {
  account: number;
  plan: string;
  month: string;
  starts: string;
  resets: string;
  calls: number;
  limit: number | null;
  remaining: number | null;
  days: { day: string; calls: number }[];
  features: Features | null;
}

export interface Member {
  id: number;
  email: string;
  name: string;
  created: string;
  role: Role;
}

/** A pending invitation as admins see it; `link` and `mail` only in the answer that made it. */
export interface Invitation {
  id: number;
  email: string;
  name: string;
  role: Role;
  created: string;
  expires: string;
  expired: boolean;
  invited_by: { id: number; email: string; name: string } | null;
  link?: string;
  mail?: 'sent' | 'failed' | 'not_configured';
}

/** What the invitation link's page shows (GET /invitations/:token). */
export interface InvitationView {
  email: string;
  name: string;
  role: Role;
  expires: string;
  account: { id: number; name: string };
  invited_by: { email: string; name: string } | null;
  password_required: boolean;
}
