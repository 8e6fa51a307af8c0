import { isoMicro } from '../../time.js';

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/**
 * An ISO 8601 date-time with a zone (`2026-05-17T09:00:00+02:00`, `...Z`) as the store keeps
 * it, UTC with six fractional digits; null when it is not one or names a day that does not
 * exist (Date.parse would roll `02-30` over into March).
 */
export function parseDateTime(value: string): string | null {
  const m = DATE_TIME.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute, second = '0', offsetHours = '0', offsetMinutes = '0'] = m
    .slice(1)
    .map((part) => part ?? '0') as string[];
  const calendar = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (calendar.getUTCMonth() !== Number(month) - 1 || calendar.getUTCDate() !== Number(day)) return null;
  if (
    Number(hour) > 23 ||
    Number(minute) > 59 ||
    Number(second) > 59 ||
    Number(offsetHours) > 23 ||
    Number(offsetMinutes) > 59
  )
    return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : isoMicro(new Date(time));
}
