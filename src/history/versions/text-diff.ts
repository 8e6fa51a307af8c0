import { diffWords } from 'diff';

/** One run of a word diff: kept text, or text the newer version added or removed. */
export interface TextChange {
  value: string;
  added?: true;
  removed?: true;
}

/** Texts longer than this together are not diffed: the change shows them whole. */
export const DIFF_MAX_CHARS = 200_000;

/** Past this many changed words the texts are too different for a diff to help. */
const MAX_EDIT_LENGTH = 1_000;

const HTML_TAG = /<\/?[a-z][^>]*>/i;

/** Text that reads better as a diff than as two values: more than a line, or HTML. */
export function isLongText(value: unknown): value is string {
  return typeof value === 'string' && (value.includes('\n') || value.length > 80 || HTML_TAG.test(value));
}

/**
 * A word diff of two texts (`diff`'s diffWords), or null when they are too long or too different
 * to diff within bounded work (DIFF_MAX_CHARS, MAX_EDIT_LENGTH).
 */
export function textDiff(from: string, to: string): TextChange[] | null {
  if (from.length + to.length > DIFF_MAX_CHARS) return null;
  const changes = diffWords(from, to, { maxEditLength: MAX_EDIT_LENGTH });
  if (!changes) return null;
  return changes.map((c) => ({ value: c.value, ...(c.added && { added: true }), ...(c.removed && { removed: true }) }));
}
