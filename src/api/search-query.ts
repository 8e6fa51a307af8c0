import { errors } from '../errors/index.js';

/**
 * Checks a search `query` (1 to 256 code points, no control characters) and splits it into
 * terms of letters and digits; punctuation only separates terms.
 */
export function parseSearchTerms(raw: string | undefined): string[] {
  if (raw === undefined || raw.length === 0) throw errors.invalidSearch();
  const length = [...raw].length;
  if (length > 256 || /\p{Cc}/u.test(raw)) throw errors.invalidSearch();
  return (raw.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 32);
}
