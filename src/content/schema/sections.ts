import type { ContentTypeKind } from '../../store/tables.js';
import type { SectionName } from './types.js';

/** A content-type section of the schema document and the `content_types.kind` it is stored as. */
export interface Section {
  name: SectionName;
  kind: ContentTypeKind;
  /** What an entry of this section is called in diff lines ("12 items"). */
  noun: [singular: string, plural: string];
}

/**
 * The sections in the order they are applied: components first, since the types that use them
 * are checked against them.
 */
export const SECTIONS: readonly Section[] = [
  { name: 'components', kind: 'component', noun: ['entry', 'entries'] },
  { name: 'page_types', kind: 'page_type', noun: ['page', 'pages'] },
  { name: 'single_pages', kind: 'single_page', noun: ['page', 'pages'] },
  { name: 'collections', kind: 'collection', noun: ['item', 'items'] },
];

/** `3 items`, `1 page`. */
export function countOf(n: number, [singular, plural]: [string, string]): string {
  return `${n} ${n === 1 ? singular : plural}`;
}
