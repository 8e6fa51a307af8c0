// Booleans of the query string, read one way by both APIs and the domain operations.

/**
 * A boolean in the query, the one reading of every boolean parameter (`preview`, `test`,
 * `exclude_body`, `force`, `confirm`, checkbox filters): `true`/`1` or `false`/`0`, in any case,
 * since ButterCMS's Python client sends Python's `True`. Null for anything else (`yes`, ``).
 */
export function queryBool(value: string | undefined): boolean | null {
  if (value === undefined) return null;
  const lower = value.toLowerCase();
  return lower === 'true' || lower === '1' ? true : lower === 'false' || lower === '0' ? false : null;
}

/** A flag: on only for a true value (`queryBool`); absent or unrecognised counts as off. */
export function parseBool(value: string | undefined): boolean {
  return queryBool(value) === true;
}

/** `?force=` of a delete: go ahead even while other content references the target. */
export function forceFlag(force: string | undefined): boolean {
  return parseBool(force);
}
