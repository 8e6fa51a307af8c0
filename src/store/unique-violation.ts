import { DIALECTS } from './dialect/dialects.js';

/** True for a unique-constraint violation, whichever database raised it: each dialect knows its own. */
export function isUniqueViolation(error: unknown): boolean {
  return DIALECTS.some((dialect) => dialect.isUniqueViolation(error));
}
