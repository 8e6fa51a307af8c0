import type { SchemaDocument } from './types.js';
import { validateSchemaDocument } from './validate-document.js';

export type CheckedDocument = { ok: true; doc: SchemaDocument } | { ok: false; errors: string[] };

/** Checks a schema document on a worker thread of the schema pool. */
export default function validateTask(doc: unknown): CheckedDocument {
  return validateSchemaDocument(doc);
}
