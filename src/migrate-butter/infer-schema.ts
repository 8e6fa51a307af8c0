import type { FieldContainer } from '../content/schema/field-options.js';
import { nestingRefusal } from '../content/schema/nesting-rules.js';
import type { ComponentDef, Fields, SchemaDocument, TypeDef } from '../content/schema/types.js';
import { fieldTypeOf, observeObject, type FieldSample } from './infer-field.js';
import { entryFields } from './entry-fields.js';
import type { SourceEntry } from './read-source.js';

const FIELD_KEY = /^[a-z][a-z0-9_]*$/;

/** A schema inferred from content, and what could not be inferred. */
export interface Inferred {
  doc: SchemaDocument;
  notes: string[];
}

/**
 * Infers page types, single pages, collections and components from the values read (every entry,
 * locale and channel of a type together). A plain object becomes a component named after its
 * field (`seo`), a picked element's `type` names its component. Fields that cannot be told apart
 * are reported in `notes`, as are those left out (their values are then not imported).
 */
export function inferSchema(
  entries: SourceEntry[],
  locales: { slug: string; name: string; default?: boolean }[] | undefined,
): Inferred {
  const notes: string[] = [];
  const components: Record<string, ComponentDef> = {};
  const sections: Record<'page_types' | 'single_pages' | 'collections', Record<string, TypeDef>> = {
    page_types: {},
    single_pages: {},
    collections: {},
  };
  const byType = new Map<string, SourceEntry[]>();
  for (const entry of entries) byType.set(entry.type, [...(byType.get(entry.type) ?? []), entry]);
  for (const [type, list] of byType) {
    const [kind, key] = [type.slice(0, type.indexOf(':')), type.slice(type.indexOf(':') + 1)];
    const samples = new Map<string, FieldSample>();
    let name = key;
    for (const entry of list) {
      for (const channels of entry.locales.values()) {
        for (const obj of [channels.published, channels.latest]) {
          if (!obj) continue;
          if (kind === 'single_page' && typeof obj.name === 'string') name = obj.name;
          observeObject(samples, entryFields(kind, obj));
        }
      }
    }
    const container: FieldContainer = kind === 'collection' ? 'collection' : 'page';
    const fields = resolveFields(
      samples,
      `${kind === 'page_type' ? 'page_types' : kind === 'single_page' ? 'single_pages' : 'collections'}.${key}`,
      container,
      components,
      notes,
    );
    const section = kind === 'page_type' ? 'page_types' : kind === 'single_page' ? 'single_pages' : 'collections';
    sections[section][key] = { name: kind === 'single_page' ? name : humanName(key), fields };
  }
  const doc: SchemaDocument = { ...(locales && { locales }), components, ...sections };
  return { doc, notes };
}

function resolveFields(
  samples: Map<string, FieldSample>,
  path: string,
  container: FieldContainer,
  components: Record<string, ComponentDef>,
  notes: string[],
): Fields {
  const fields: Fields = {};
  for (const [key, sample] of samples) {
    const at = `${path}.fields.${key}`;
    if (!FIELD_KEY.test(key)) {
      notes.push(`${at}: left out: "${key}" is not a Ghee field key (lowercase letters, digits, underscores)`);
      continue;
    }
    const found = fieldTypeOf(sample);
    if ('skip' in found) {
      notes.push(`${at}: left out: ${found.skip}`);
      continue;
    }
    if (found.note) notes.push(`${at}: ${found.note}`);
    const def = found.def;
    const refused = nestingRefusal(def.type, container);
    if (refused) {
      notes.push(`${at}: left out: ${refused}`);
      continue;
    }
    if (def.type === 'repeater') {
      def.fields = resolveFields(sample.nested ?? new Map(), at, 'repeater', components, notes);
    } else if (def.type === 'component') {
      def.component = addComponent(
        key,
        resolveFields(sample.nested ?? new Map(), at, 'component', components, notes),
        components,
      );
    } else if (def.type === 'component_picker') {
      def.components = [...(sample.picked ?? new Map()).entries()].map(([type, nested]) =>
        addComponent(type, resolveFields(nested, `${at}.${type}`, 'component', components, notes), components),
      );
    }
    fields[key] = def;
  }
  return fields;
}

/** Adds a component (or reuses an identical one of that name), returning its key. */
function addComponent(base: string, fields: Fields, components: Record<string, ComponentDef>): string {
  for (let n = 1; ; n++) {
    const key = n === 1 ? base : `${base}_${n}`;
    const existing = components[key];
    if (!existing) {
      components[key] = { name: humanName(key), fields };
      return key;
    }
    if (JSON.stringify(existing.fields) === JSON.stringify(fields)) return key;
  }
}

function humanName(key: string): string {
  const words = key.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Removes reference fields whose target type is not in the document (a page type or collection
 * the user did not name), reporting them: the document must stand on its own.
 */
export function dropDanglingReferences(doc: SchemaDocument, notes: string[]): void {
  const known = new Set([
    ...Object.keys(doc.page_types ?? {}).map((k) => `page_type:${k}`),
    ...Object.keys(doc.collections ?? {}).map((k) => `collection:${k}`),
  ]);
  const walk = (fields: Fields, path: string) => {
    for (const [key, def] of Object.entries(fields)) {
      if (def.type === 'reference' && !known.has(def.to ?? '')) {
        notes.push(
          `${path}.fields.${key}: left out: it references ${def.to}, which was not imported (name it in --page-types or --collections)`,
        );
        delete fields[key];
      } else if (def.fields) walk(def.fields, `${path}.fields.${key}`);
    }
  };
  for (const section of ['components', 'page_types', 'single_pages', 'collections'] as const) {
    for (const [key, type] of Object.entries(doc[section] ?? {})) walk(type.fields, `${section}.${key}`);
  }
}
