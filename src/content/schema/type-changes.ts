import { componentsReached } from './components-reached.js';
import type { SchemaChange } from './schema-change.js';
import { SECTIONS } from './sections.js';
import type { ComponentDef, FieldDef, Fields, SchemaDocument } from './types.js';

/** A field whose type a schema change changes, with both definitions. */
export interface TypeChange {
  change: SchemaChange;
  /** The field's document path (the change's path). */
  path: string;
  from: FieldDef;
  to: FieldDef;
}

/** The field at a document path (`page_types.landing.fields.faq.fields.answer`), if the document has it. */
export function fieldAt(doc: SchemaDocument, path: string): FieldDef | undefined {
  const [section, key, ...rest] = path.split('.');
  const defs = (doc as Record<string, Record<string, ComponentDef> | undefined>)[section ?? ''];
  let fields: Fields | undefined =
    key !== undefined && defs && Object.hasOwn(defs, key) ? defs[key]!.fields : undefined;
  let field: FieldDef | undefined;
  for (let i = 0; i < rest.length; i += 2) {
    const name = rest[i + 1];
    if (rest[i] !== 'fields' || !fields || name === undefined || !Object.hasOwn(fields, name)) return undefined;
    field = fields[name];
    fields = field?.fields;
  }
  return field;
}

/** The changes of `changes` that change a field's type. */
export function typeChanges(current: SchemaDocument, next: SchemaDocument, changes: SchemaChange[]): TypeChange[] {
  const out: TypeChange[] = [];
  for (const change of changes) {
    if (change.op !== '~') continue;
    const from = fieldAt(current, change.path);
    const to = fieldAt(next, change.path);
    if (from && to && from.type !== to.type) out.push({ change, path: change.path, from, to });
  }
  return out;
}

/** Rich-text types: stored sanitised. */
export const isHtmlField = (field: FieldDef): boolean => field.type === 'wysiwyg' || field.type === 'html';

/** The document path of a content type's fields: `page_types.landing.fields`. */
export function rootOf(kind: string, key: string): string {
  return `${SECTIONS.find((s) => s.kind === kind)?.name}.${key}.fields`;
}

/** A page type, single page or collection whose entries may hold some of the fields asked about. */
export interface HoldingType {
  kind: 'page_type' | 'single_page' | 'collection';
  key: string;
  /** The document path of its fields (`page_types.landing.fields`), where stored leaves start. */
  root: string;
  fields: Fields;
}

/**
 * The types whose entries can hold a field at one of `paths` (declared in `page_types.landing` or
 * `components.seo`): the type itself, or every type that contains the component, directly or
 * through other components, repeaters and pickers.
 */
export function typesHolding(doc: SchemaDocument, paths: Iterable<string>): HoldingType[] {
  const scopes = new Set([...paths].map((p) => p.split('.').slice(0, 2).join('.')));
  const components = doc.components ?? {};
  const out: HoldingType[] = [];
  for (const section of SECTIONS) {
    if (section.kind === 'component') continue;
    for (const [key, def] of Object.entries(doc[section.name] ?? {})) {
      const own = `${section.name}.${key}`;
      const holds =
        scopes.has(own) || [...componentsReached(def.fields, components)].some((k) => scopes.has(`components.${k}`));
      if (holds)
        out.push({
          kind: section.kind as HoldingType['kind'],
          key,
          root: rootOf(section.kind, key),
          fields: def.fields,
        });
    }
  }
  return out;
}
