import { fieldAt, isHtmlField } from './type-changes.js';
import type { Fields, SchemaDocument } from './types.js';
import { SECTIONS } from './sections.js';

type Visit = (path: string, field: Fields[string]) => void;

function walk(fields: Fields, at: string, visit: Visit): void {
  for (const [key, field] of Object.entries(fields)) {
    visit(`${at}.${key}`, field);
    if (field.fields) walk(field.fields, `${at}.${key}.fields`, visit);
  }
}

/** Every field of a document with its path, repeater fields included. */
function eachField(doc: SchemaDocument, visit: Visit): void {
  for (const section of SECTIONS)
    for (const [key, def] of Object.entries(doc[section.name] ?? {}))
      walk(def.fields, `${section.name}.${key}.fields`, visit);
}

/** The document paths of every rich-text field (`wysiwyg`, `html`) of a document. */
export function htmlPaths(doc: SchemaDocument): Set<string> {
  const out = new Set<string>();
  eachField(doc, (path, field) => isHtmlField(field) && out.add(path));
  return out;
}

/**
 * The rich-text fields of `next` whose stored values may never have passed the sanitiser: a field
 * that was another type or absent in `current` (values of a removed field stay in the stored
 * versions, and read back if it returns), and every rich-text field of a component that a
 * component field now holds instead of another (the values it holds were stored under the other).
 */
export function newHtmlPaths(current: SchemaDocument, next: SchemaDocument): Set<string> {
  const out = new Set<string>();
  const inComponent = (key: string | undefined, seen = new Set<string>()) => {
    if (!key || seen.has(key)) return;
    seen.add(key);
    walk(next.components?.[key]?.fields ?? {}, `components.${key}.fields`, (path, field) => {
      if (isHtmlField(field)) out.add(path);
      if (field.type === 'component') inComponent(field.component, seen);
      if (field.type === 'component_picker') for (const c of field.components ?? []) inComponent(c, seen);
    });
  };
  eachField(next, (path, field) => {
    const was = fieldAt(current, path);
    if (isHtmlField(field) && !(was && isHtmlField(was))) out.add(path);
    if (field.type === 'component' && (was?.type !== 'component' || was.component !== field.component))
      inComponent(field.component);
  });
  return out;
}
