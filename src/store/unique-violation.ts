/** True for a unique-constraint violation on either database (PostgreSQL 23505, SQLite's UNIQUE). */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown } | null;
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE';
}
