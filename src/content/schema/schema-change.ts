import type { SchemaChangeLine } from '../../shared/schema-changes.js';

// A change between two schema documents, apart from the diff that finds it (diff-schema.ts) and the
// field-level diff it calls (diff-fields.ts), which both make them.

/** One difference between two schema documents, as `schema apply` shows it. */
export interface SchemaChange extends Pick<SchemaChangeLine, 'op' | 'path' | 'description'> {
  /** True when applying the change deletes or invalidates stored content. */
  dataLoss: boolean;
}

/** `+ page_types.landing_page.fields.subtitle (short_text)`, as docs/api.md §10 shows them. */
export function formatChange(change: SchemaChange): string {
  return `${change.op} ${change.path}${change.description ? ` (${change.description})` : ''}`;
}

/** One line per change. */
export function formatChanges(changes: SchemaChange[]): string[] {
  return changes.map(formatChange);
}
