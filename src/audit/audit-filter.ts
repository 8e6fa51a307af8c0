import { parseDateTime } from '../blog/write/parse-date-time.js';
import { auditErrors } from '../errors/index.js';
import { isoMicro } from '../time.js';
import { AUDIT_ACTION_NAMES, AUDIT_KINDS } from './audit-actions.js';

/** Which records of an account to list; every part optional, all given must hold. */
export interface AuditFilter {
  /** Records at or after this instant (stored form, ISO 8601 UTC with microseconds). */
  since?: string;
  /** Records before this instant. */
  until?: string;
  /** The actor's name, exactly (a user's email, a token's label, `cli:<user>`). */
  actor?: string;
  kind?: string;
  action?: string;
  /** The target's id or slug, exactly. */
  target?: string;
}

/** The longest actor or target a filter takes (names and slugs are shorter). */
const TEXT_MAX = 500;
const AGO = /^(\d{1,5})([mhd])$/; // at most 99999 days: a date Date can hold
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/**
 * An instant as the filters take it: an ISO 8601 date-time with a zone, a date (its UTC
 * midnight), or a time ago (`30m`, `12h`, `7d`) counted back from `now`; null for anything else.
 */
export function parseInstant(raw: string, now: Date): string | null {
  const ago = AGO.exec(raw);
  if (ago) return isoMicro(new Date(now.getTime() - Number(ago[1]) * UNIT_MS[ago[2] as keyof typeof UNIT_MS]));
  if (DATE.test(raw)) return parseDateTime(`${raw}T00:00:00Z`);
  return parseDateTime(raw);
}

function text(raw: string | undefined, name: string): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  if ([...raw].length > TEXT_MAX) throw auditErrors.tooLong(name, TEXT_MAX);
  return raw;
}

/**
 * The filter of a query (`since`, `until`, `actor`, `kind`, `action`, `target`; empty ones are
 * absent). Throws the catalogue's `invalid_audit_filter` for a time it cannot read or an unknown
 * kind or action, so a typo is a 400 and never an empty list that looks like no activity.
 */
export function parseAuditFilter(query: Record<string, string | undefined>, now: Date): AuditFilter {
  const filter: AuditFilter = {};
  for (const key of ['since', 'until'] as const) {
    const raw = query[key];
    if (raw === undefined || raw === '') continue;
    const at = parseInstant(raw, now);
    if (at === null) throw auditErrors.badTime(key);
    filter[key] = at;
  }
  const kind = text(query.kind, 'kind');
  if (kind !== undefined && !AUDIT_KINDS.includes(kind)) throw auditErrors.badKind(AUDIT_KINDS.join(', '));
  const action = text(query.action, 'action');
  if (action !== undefined && !AUDIT_ACTION_NAMES.includes(action))
    throw auditErrors.badAction(AUDIT_ACTION_NAMES.join(', '));
  const actor = text(query.actor, 'actor');
  const target = text(query.target, 'target');
  return {
    ...filter,
    ...(actor !== undefined && { actor }),
    ...(kind !== undefined && { kind }),
    ...(action !== undefined && { action }),
    ...(target !== undefined && { target }),
  };
}
