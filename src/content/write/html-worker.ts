import { HtmlLimitError, type HtmlLimits } from './html-limits.js';
import { sanitizeHtml } from './sanitize-html.js';

/** Values to sanitise under the same limits: one task of the pool, or one inline batch. */
export interface HtmlTask {
  values: string[];
  limits: HtmlLimits;
}

/** A value's sanitised HTML, or the limit it went past (an Error does not cross threads intact). */
export type HtmlOutcome = { html: string } | { limit: 'size' | 'depth'; max: number };

/** Sanitises each value of a task; the pool's worker threads run this file. */
export default function sanitizeTask(task: HtmlTask): HtmlOutcome[] {
  return task.values.map((value) => {
    try {
      return { html: sanitizeHtml(value, task.limits) };
    } catch (error) {
      if (error instanceof HtmlLimitError) return { limit: error.limit, max: error.max };
      throw error;
    }
  });
}
