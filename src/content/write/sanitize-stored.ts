import { htmlLimits, type HtmlLimits } from './html-limits.js';
import type { HtmlOutcome } from './html-worker.js';
import { sanitizeValues } from './sanitize-values.js';

/** Characters handed to the pool at once: a group is at most 16 of its tasks, far under its queue. */
const GROUP_CHARS = 4 * 1024 * 1024;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * Text as HTML that shows it literally: no tag or entity of it is active. Escaped as the
 * sanitiser escapes text, so sanitising the result gives it back unchanged.
 */
export function escapeAsText(value: string): string {
  return value.replace(/[&<>]/g, (c) => ENTITIES[c]!);
}

/**
 * sanitizeValues for work that is not one request's (imports, schema changes, the start-up pass):
 * any number of values, handed to the pool a group at a time so its queue never fills.
 */
export async function sanitizeGrouped(values: string[], limits: HtmlLimits = htmlLimits()): Promise<HtmlOutcome[]> {
  const out: HtmlOutcome[] = [];
  for (let start = 0; start < values.length;) {
    let end = start;
    for (let chars = 0; end < values.length && (end === start || chars + values[end]!.length <= GROUP_CHARS); end++)
      chars += values[end]!.length;
    out.push(...(await sanitizeValues(values.slice(start, end), limits)));
    start = end;
  }
  return out;
}

/**
 * Sanitises values that are already stored (a field turned into rich text, the start-up pass over
 * old data), which cannot be refused the way a write is. Their size is no reason to stop (the
 * work grows with it only linearly once nesting is bounded); a value nested past the limit, where
 * the parser's work grows with depth, is kept as escaped text: its markup shows as text and none
 * of it is active. Either result comes back unchanged from a second call.
 */
export async function sanitizeStored(values: string[]): Promise<string[]> {
  const outcomes = await sanitizeGrouped(values, {
    maxBytes: Number.MAX_SAFE_INTEGER,
    maxDepth: htmlLimits().maxDepth,
  });
  return outcomes.map((o, i) => ('html' in o ? o.html : escapeAsText(values[i]!)));
}
