/**
 * Seconds to wait from a `Retry-After` header: whole seconds (what ButterCMS and Ghee send) or an
 * HTTP date (RFC 9110), measured against `now` (ms since the epoch). Null when absent or unreadable.
 *
 * @example
 * parseRetryAfter('120', Date.now()) // 120
 * parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('Wed, 21 Oct 2015 07:27:00 GMT')) // 60
 */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (value === null) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text);
  // Only something that looks like a date (it names a month): Date.parse reads "1.5" as a year.
  const at = /[a-z]{3}/i.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(at)) return null;
  // A date already past means "now": no wait, but still a retry-after answer.
  return Math.max(0, Math.ceil((at - now) / 1000));
}
