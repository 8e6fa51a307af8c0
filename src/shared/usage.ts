// An account's API calls as `ghee usage --json` and the dashboard show them (docs/quotas.md).

/** An account's calls in one billing month. */
export interface UsageReport {
  account: number;
  plan: string;
  month: string;
  /** First instant of the billing month and the instant it resets. */
  starts: string;
  resets: string;
  calls: number;
  limit: number | null;
  remaining: number | null;
  days: { day: string; calls: number }[];
}
