import type { Role } from './roles.js';

// An account as the dashboard sees it (docs/admin-api.md): its plan's features, its locales and
// the caller's role.

/** A plan's features as the admin API shows them. */
export interface PlanFeatures {
  monthly_calls: number | null;
  blocked_over_limit: boolean;
  write_api: boolean;
  locales: number | null;
  webhooks: boolean;
}

/** A locale of the account, in its order. */
export interface LocaleSummary {
  slug: string;
  name: string;
  default: boolean;
  /** Only in the locales list: how many entries have a version in it. */
  entries?: number;
}

export interface AccountSummary {
  id: number;
  slug: string;
  name: string;
  plan: string;
  monthly_call_limit: number | null;
  billing_anchor_day: number;
  created: string;
  /** Null for a plan name the install does not know. */
  features: PlanFeatures | null;
  locales: LocaleSummary[];
  role: Role;
}
