import { DIALECTS } from './dialect/dialects.js';

/** True for a foreign-key violation, whichever database raised it: each dialect knows its own. */
export function isForeignKeyViolation(error: unknown): boolean {
  return DIALECTS.some((dialect) => dialect.isForeignKeyViolation(error));
}
