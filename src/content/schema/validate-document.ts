import { schemaMessages as m } from '../../errors/index.js';
import { findComponentCycles } from './component-cycles.js';
import { sizeErrors } from './document-size.js';
import { findTooDeep } from './field-depth.js';
import {
  PAGE_SLUG,
  PAGE_TYPE_KEY,
  RESERVED_PAGE_TYPE_KEYS,
  SNAKE_KEY,
  type DocumentKeys,
  type FieldContainer,
} from './field-options.js';
import { SECTIONS, type Section } from './sections.js';
import type { ComponentDef, SchemaDocument, TypeDef } from './types.js';
import { isObject, validateFields, type FieldContext } from './validate-field.js';
import { CONTROL_CHARACTER, validateLocales } from './validate-locales.js';
import { validateBlog, validatePreviewUrl } from './validate-preview-url.js';

const TOP_LEVEL_KEYS = ['locales', ...SECTIONS.map((s) => s.name), 'blog'];
const TYPE_KEYS = ['name', 'fields'];
/** Page types and collections also take a preview URL template (docs/api.md §13.5). */
const PREVIEWED_TYPE_KEYS = [...TYPE_KEYS, 'preview_url'];
const PREVIEWED: readonly Section['name'][] = ['page_types', 'single_pages', 'collections'];

const CONTAINER: Record<Section['name'], FieldContainer> = {
  components: 'component',
  page_types: 'page',
  single_pages: 'page',
  collections: 'collection',
};

/**
 * Checks a schema document (docs/schema.md) and returns it normalised: every content-type
 * section present, field options in canonical order, `default: true` on exactly one locale.
 * On failure every problem is listed, each naming its path, e.g.
 * `page_types.landing_page.fields.hero.type: unknown field type "image"; expected one of ...`.
 */
export function validateSchemaDocument(
  doc: unknown,
): { ok: true; doc: SchemaDocument } | { ok: false; errors: string[] } {
  if (!isObject(doc)) return { ok: false, errors: [m.documentNotObject] };
  const tooBig = sizeErrors(doc);
  if (tooBig.length) return { ok: false, errors: tooBig };
  const errors: string[] = [];
  for (const key of Object.keys(doc)) {
    if (!TOP_LEVEL_KEYS.includes(key)) errors.push(m.unknownKey(key, 'schema document', TOP_LEVEL_KEYS));
  }
  const keys: DocumentKeys = {
    components: keysOf(doc.components),
    pageTypes: keysOf(doc.page_types),
    collections: keysOf(doc.collections),
  };
  const out: SchemaDocument = {};
  if (doc.locales !== undefined) out.locales = validateLocales(doc.locales, errors);
  for (const section of SECTIONS) {
    const raw = doc[section.name] ?? {};
    if (!isObject(raw)) {
      errors.push(m.sectionNotObject(section.name));
      continue;
    }
    const ctx: FieldContext = { container: CONTAINER[section.name], keys, errors };
    const types: Record<string, TypeDef | ComponentDef> = {};
    for (const [key, def] of Object.entries(raw)) {
      checkKey(section, key, errors);
      const at = `${section.name}.${key}`;
      types[key] = validateType(def, at, section.name === 'components', PREVIEWED.includes(section.name), ctx);
    }
    // The sections differ only in whether `name` is optional, which validateType enforces.
    (out as Record<string, unknown>)[section.name] = types;
  }
  const blog = validateBlog(doc.blog, errors);
  if (blog) out.blog = blog;
  const cycles = findComponentCycles(out.components ?? {});
  // Depth is measured along component paths, which a cycle makes endless.
  errors.push(...cycles, ...(cycles.length ? [] : findTooDeep(out.components ?? {})));
  return errors.length ? { ok: false, errors } : { ok: true, doc: out };
}

function keysOf(section: unknown): Set<string> {
  return new Set(isObject(section) ? Object.keys(section) : []);
}

function checkKey(section: Section, key: string, errors: string[]): void {
  const at = `${section.name}.${key}`;
  if (section.name === 'page_types') {
    if (key === 'search') return void errors.push(m.searchReserved(at));
    if (RESERVED_PAGE_TYPE_KEYS.includes(key)) return void errors.push(m.singlePagesTypeReserved(at, key));
    if (!PAGE_TYPE_KEY.test(key)) errors.push(m.pageTypeKey(at));
  } else if (section.name === 'single_pages') {
    if (!PAGE_SLUG.test(key)) errors.push(m.singlePageKey(at));
  } else if (!SNAKE_KEY.test(key)) {
    errors.push(m.snakeKey(at, section.name === 'components' ? 'component' : 'collection'));
  }
}

function validateType(
  raw: unknown,
  path: string,
  nameOptional: boolean,
  previewed: boolean,
  ctx: FieldContext,
): TypeDef | ComponentDef {
  if (!isObject(raw)) {
    ctx.errors.push(m.typeNotObject(path, nameOptional));
    return { name: '', fields: {} };
  }
  const keys = previewed ? PREVIEWED_TYPE_KEYS : TYPE_KEYS;
  for (const key of Object.keys(raw)) {
    if (!keys.includes(key)) ctx.errors.push(m.unknownKey(`${path}.${key}`, 'content type', keys));
  }
  const { name } = raw;
  const hasName = typeof name === 'string' && name.trim() !== '';
  if (!hasName && !(nameOptional && name === undefined)) ctx.errors.push(m.nonEmptyString(`${path}.name`));
  else if (hasName && CONTROL_CHARACTER.test(name)) ctx.errors.push(m.controlCharacters(`${path}.name`));
  if (raw.fields === undefined) {
    ctx.errors.push(m.fieldsRequired(`${path}.fields`));
    return { name: String(name ?? ''), fields: {} };
  }
  const previewUrl = previewed ? validatePreviewUrl(raw.preview_url, `${path}.preview_url`, ctx.errors) : undefined;
  const fields = validateFields(raw.fields, `${path}.fields`, ctx);
  if (nameOptional && !hasName) return { fields };
  return previewUrl === undefined
    ? { name: String(name), fields }
    : { name: String(name), preview_url: previewUrl, fields };
}
