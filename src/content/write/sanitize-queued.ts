import { limitMessage } from './html-limits.js';
import { sanitizeValues } from './sanitize-values.js';
import type { Validation } from './validate-fields.js';

/**
 * Sanitises the rich-text values a validation queued, in one batch, and assigns the clean HTML
 * where each came from; a value past a limit becomes a field error on its path instead.
 */
export async function sanitizeQueued(v: Validation): Promise<void> {
  if (!v.html.length) return;
  const outcomes = await sanitizeValues(v.html.map((h) => h.html));
  v.html.forEach((h, i) => {
    const outcome = outcomes[i]!;
    if ('html' in outcome) h.assign(outcome.html);
    else (v.errors[h.path] ??= []).push(limitMessage(outcome));
  });
}
