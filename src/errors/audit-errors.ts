import { GheeError } from './ghee-error.js';

// The audit log's filters refused (/v2/audit/, the admin API's .../audit, `ghee audit`): which
// filter, and what it takes. Worded without `?` or `--`, so one text serves the query and the flag.
export const auditErrors = {
  badTime: (filter: 'since' | 'until') =>
    new GheeError(
      'invalid_audit_filter',
      `${filter} should be an ISO 8601 date-time with a zone (2026-05-17T09:00:00Z), a date (2026-05-17) or a time ago (30m, 12h, 7d)`,
    ),
  badKind: (kinds: string) => new GheeError('invalid_audit_filter', `kind should be one of: ${kinds}`),
  badAction: (actions: string) => new GheeError('invalid_audit_filter', `action should be one of: ${actions}`),
  tooLong: (filter: string, max: number) =>
    new GheeError('invalid_audit_filter', `${filter} should be at most ${max} characters`),
} as const;
