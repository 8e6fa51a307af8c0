/**
 * A row id from a path: a positive 32-bit integer written plainly (`7`, not `07`, `+7` or `7.0`),
 * else null, for the caller's 404. Every id column is a 32-bit integer on PostgreSQL, so a larger
 * number could only fail there.
 */
export function positiveId(raw: string | undefined): number | null {
  if (raw === undefined || !/^[1-9]\d{0,9}$/.test(raw)) return null;
  const id = Number(raw);
  return id < 2 ** 31 ? id : null;
}
