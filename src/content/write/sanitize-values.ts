import { errors } from '../../errors/index.js';
import { htmlLimits, type HtmlLimits } from './html-limits.js';
import { isQueueFull } from '../../threads/start-pool.js';
import { htmlPool } from './html-pool.js';
import sanitizeTask, { type HtmlOutcome } from './html-worker.js';

/**
 * A batch whose values add up to at most this many characters is sanitised on the calling thread:
 * measured at 0.1 to 0.4 ms for 1 KB of any shape (nested to the depth limit, attribute-heavy,
 * entity-heavy), less than handing it to a thread and back. Anything larger goes to the pool.
 */
export const INLINE_MAX_CHARS = 1024;

/** Characters per pool task (about 20 ms of a thread), so big writes share the threads in turns. */
const TASK_CHARS = 256 * 1024;

/**
 * Sanitises HTML values under the limits in force, in order: each outcome is the clean HTML or
 * the limit the value went past. Off the event loop unless the batch is tiny; a value longer
 * than the size limit is refused here without being copied to a thread. Throws the 503
 * `html_busy` when the pool's queue is full.
 */
export async function sanitizeValues(values: string[], limits: HtmlLimits = htmlLimits()): Promise<HtmlOutcome[]> {
  const total = values.reduce((n, v) => n + v.length, 0);
  if (total <= INLINE_MAX_CHARS) return sanitizeTask({ values, limits });
  const out: HtmlOutcome[] = [];
  const tasks: { at: number[]; values: string[]; chars: number }[] = [];
  values.forEach((value, i) => {
    // UTF-8 takes at least a byte per UTF-16 unit, so this length is already past the byte limit.
    if (value.length > limits.maxBytes) return void (out[i] = { limit: 'size', max: limits.maxBytes });
    let task = tasks.at(-1);
    if (!task || task.chars + value.length > TASK_CHARS) tasks.push((task = { at: [], values: [], chars: 0 }));
    task.at.push(i);
    task.values.push(value);
    task.chars += value.length;
  });
  await Promise.all(
    tasks.map(async (task) => {
      const outcomes = await run({ values: task.values, limits });
      outcomes.forEach((outcome, j) => (out[task.at[j]!] = outcome));
    }),
  );
  return out;
}

async function run(task: { values: string[]; limits: HtmlLimits }): Promise<HtmlOutcome[]> {
  try {
    return await htmlPool().run(task);
  } catch (error) {
    if (isQueueFull(error)) throw errors.htmlBusy();
    throw error;
  }
}
