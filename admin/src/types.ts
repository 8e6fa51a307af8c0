// Answers of the admin API (docs/admin-api.md) that its routes shape in place. Every type the
// server defines by name comes from src/shared/ instead, so a change there fails this type check.
import type { PlanFeatures } from '../../src/shared/accounts';
import type { UsageReport } from '../../src/shared/usage';
import type { AccountMembership } from '../../src/shared/users';

export interface Session {
  user: { id: number; email: string; name: string } | null;
  memberships: AccountMembership[];
  csrf_token: string;
}

export interface Paged<T> {
  meta: { count: number; next_page: number | null; previous_page: number | null };
  data: T[];
}

/** Where the newest version of an entry stands: a scheduled one is a draft waiting for its time. */
export type EntryStatus = 'draft' | 'published' | 'scheduled';

/** A page or item as its editor sees it, in one locale. */
export interface Entry {
  slug?: string;
  page_type?: string | null;
  name?: string;
  id?: number;
  collection?: string;
  locale: string;
  status: EntryStatus | null;
  published: string | null;
  /** When a scheduled newest version goes live (or went live by a schedule). */
  scheduled: string | null;
  /** When the entry goes off the air in every locale, or null. */
  unpublish_at: string | null;
  updated: string | null;
  unpublished_changes: boolean;
  locales: string[];
  fields: Record<string, unknown>;
}

/** A row of a pages or items table: the newest version in the locale. */
export interface EntrySummary {
  slug?: string;
  id?: number;
  page_type?: string | null;
  name?: string;
  status: EntryStatus;
  published: string | null;
  scheduled?: string | null;
  unpublish_at?: string | null;
  updated: string;
  fields?: Record<string, unknown>;
}

/** Usage & plan: the report of `ghee usage --json` and the plan's features. */
export type Usage = UsageReport & { features: PlanFeatures | null };
