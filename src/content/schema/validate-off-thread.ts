import type { Piscina } from 'piscina';
import { adminErrors } from '../../errors/index.js';
import { isQueueFull, startPool, workerFile } from '../../threads/start-pool.js';
import { countDocument } from './document-size.js';
import type { CheckedDocument } from './schema-worker.js';
import { validateSchemaDocument } from './validate-document.js';

/**
 * Fields a document may have to be checked on the event loop: checking costs tens of microseconds
 * per field (compiling a pattern, more), so 100 fields stay within a few milliseconds.
 */
export const INLINE_FIELDS = 100;

let pool: Piscina<unknown, CheckedDocument> | undefined;

/**
 * Checks a schema document (validateSchemaDocument) without holding the event loop: a small
 * document inline, a larger one on a worker thread. Schema applies are rare, so one thread serves
 * them, and 16 may wait for it before more are refused (503 `schema_busy`).
 */
export async function validateOffThread(doc: unknown): Promise<CheckedDocument> {
  const small =
    typeof doc !== 'object' ||
    doc === null ||
    Array.isArray(doc) ||
    countDocument(doc as Record<string, unknown>).fields <= INLINE_FIELDS;
  if (small) return validateSchemaDocument(doc);
  pool ??= startPool<unknown, CheckedDocument>(workerFile(import.meta.url, 'schema-worker'), {
    maxThreads: 1,
    maxQueue: 16,
  });
  try {
    return await pool.run(doc);
  } catch (error) {
    if (isQueueFull(error)) throw adminErrors.schemaBusy();
    throw error;
  }
}
