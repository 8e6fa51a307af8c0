import { componentsReached } from './components-reached.js';
import type { ContentCounts } from './content-counts.js';
import { describeValues, diffFields, orderChange } from './diff-fields.js';
import type { SchemaChange } from './schema-change.js';
import { SECTIONS, countOf } from './sections.js';
import type { ComponentDef, LocaleDef, SchemaDocument } from './types.js';

export { formatChange, formatChanges, type SchemaChange } from './schema-change.js';

const ENTRIES: [string, string] = ['entry', 'entries'];

/**
 * What applying `next` over `current` changes, in document order (locales, components, page
 * types, single pages, collections, blog). `counts` says which types and locales hold content, which
 * decides `dataLoss`. A `next` without `locales` leaves the locales as they are.
 */
export function diffSchema(current: SchemaDocument, next: SchemaDocument, counts: ContentCounts): SchemaChange[] {
  const out: SchemaChange[] = [];
  if (next.locales) diffLocales(current.locales ?? [], next.locales, counts.locales, out);
  const componentUse = componentEntries(current, counts);
  for (const section of SECTIONS) {
    const before: Record<string, ComponentDef> = current[section.name] ?? {};
    const after: Record<string, ComponentDef> = next[section.name] ?? {};
    for (const [key, was] of Object.entries(before)) {
      const path = `${section.name}.${key}`;
      const isComponent = section.name === 'components';
      const count = (isComponent ? componentUse.get(key) : counts.entries.get(path)) ?? 0;
      const now = after[key];
      if (!now) {
        // A component holds no entries of its own: the fields that used it are reported where they are.
        const description = isComponent ? '' : countOf(count, section.noun);
        out.push({ op: '-', path, description, dataLoss: !isComponent && count > 0 });
        continue;
      }
      const changed = describeValues(was, now, ['name', 'preview_url']);
      if (changed) out.push({ op: '~', path, description: changed, dataLoss: false });
      diffFields(`${path}.fields`, was.fields, now.fields, { count, noun: isComponent ? ENTRIES : section.noun }, out);
    }
    for (const [key, now] of Object.entries(after)) {
      if (!before[key])
        out.push({
          op: '+',
          path: `${section.name}.${key}`,
          description: countOf(Object.keys(now.fields).length, ['field', 'fields']),
          dataLoss: false,
        });
    }
  }
  const blog = describeValues(current.blog ?? {}, next.blog ?? {}, ['preview_url']);
  if (blog) out.push({ op: '~', path: 'blog', description: blog, dataLoss: false });
  return out;
}

function diffLocales(before: LocaleDef[], after: LocaleDef[], held: Map<string, number>, out: SchemaChange[]): void {
  const next = new Map(after.map((l) => [l.slug, l]));
  const prev = new Set(before.map((l) => l.slug));
  for (const was of before) {
    const path = `locales.${was.slug}`;
    const now = next.get(was.slug);
    if (!now) {
      const count = held.get(was.slug) ?? 0;
      out.push({ op: '-', path, description: countOf(count, ENTRIES), dataLoss: count > 0 });
      continue;
    }
    const description = describeValues(was, now, ['name', 'default']);
    if (description) out.push({ op: '~', path, description, dataLoss: false });
  }
  for (const now of after)
    if (!prev.has(now.slug)) out.push({ op: '+', path: `locales.${now.slug}`, description: now.name, dataLoss: false });
  const order = orderChange(
    'locales',
    before.map((l) => l.slug),
    after.map((l) => l.slug),
  );
  if (order) out.push(order);
}

/**
 * Entries that hold each component: those of every type whose fields contain it, directly or
 * through other components, so that removing a component's field counts the content it drops.
 */
function componentEntries(doc: SchemaDocument, counts: ContentCounts): Map<string, number> {
  const components = doc.components ?? {};
  const out = new Map<string, number>();
  for (const section of SECTIONS) {
    if (section.name === 'components') continue;
    for (const [key, def] of Object.entries(doc[section.name] ?? {})) {
      const count = counts.entries.get(`${section.name}.${key}`) ?? 0;
      for (const component of componentsReached(def.fields, components))
        out.set(component, (out.get(component) ?? 0) + count);
    }
  }
  return out;
}
