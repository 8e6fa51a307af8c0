// Times as an editor reads and types them: in the browser's own time zone, named. The API takes
// and answers ISO 8601 in UTC; these turn one into the other.

/** The browser's IANA time zone, e.g. `Europe/Paris` (`UTC` when it names none). */
export function localZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** The zone's offset from UTC at `at` (summer and winter differ), as `UTC+01:00`. */
export function utcOffset(at: Date = new Date()): string {
  const minutes = -at.getTimezoneOffset();
  const abs = Math.abs(minutes);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `UTC${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** The zone with its offset at `at`: `Europe/Paris (UTC+01:00)`. */
export function zoneLabel(at: Date = new Date()): string {
  return `${localZone()} (${utcOffset(at)})`;
}

const parse = (iso: string | null | undefined): Date | null => {
  if (!iso) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
};

/** An ISO time as a `datetime-local` value (`2026-12-08T09:00`) in the editor's zone; '' for none. */
export function toLocalInput(iso: string | null | undefined): string {
  const d = parse(iso);
  if (!d) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A `datetime-local` value, read in the editor's zone, as ISO UTC; '' when empty or not a time. */
export function fromLocalInput(value: string): string {
  if (!value) return '';
  // A date-time without an offset is local time (ECMAScript's Date parsing rules).
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString();
}

/** The day and time of an ISO time, with the year only when it is not this one: `Tue 8 Dec, 09:00`. */
export function dayAndTime(iso: string, now: Date = new Date()): string {
  const d = parse(iso);
  if (!d) return iso;
  const date = d.toLocaleDateString(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    ...(d.getFullYear() !== now.getFullYear() && { year: 'numeric' }),
  });
  return `${date}, ${timeOfDay(iso)}`;
}

/** The clock time of an ISO time in the editor's zone: `09:00`. */
export function timeOfDay(iso: string): string {
  const d = parse(iso);
  return d ? d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' }) : iso;
}

/** A scheduled time as the editors state it: `Tue 8 Dec, 09:00 (Europe/Paris)`. */
export function scheduleText(iso: string): string {
  return `${dayAndTime(iso)} (${localZone()})`;
}

/**
 * Why a time cannot be scheduled, before anything is sent: none given, or not after now.
 * Null when it may be.
 */
export function futureTimeProblem(iso: string, now: Date = new Date()): string | null {
  const d = parse(iso);
  if (!d) return 'Enter a date and a time.';
  if (d.getTime() <= now.getTime())
    return `Choose a time in the future: ${dayAndTime(iso, now)} (${localZone()}) has already passed.`;
  return null;
}
