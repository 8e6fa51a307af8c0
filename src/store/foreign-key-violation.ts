/** True for a foreign-key violation on either database (PostgreSQL 23503, SQLite's FOREIGNKEY). */
export function isForeignKeyViolation(error: unknown): boolean {
  const e = error as { code?: unknown } | null;
  return e?.code === '23503' || e?.code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}
