import type { Kysely } from 'kysely';
import type { Database } from '../store/tables.js';
import type { AccountSchema, ContentType } from './account-schema.js';
import { fetchEntries, type EntryRow, type ReadScope } from './entry-rows.js';
import { collectReferences, renderFields, type ResolveRef } from './render-fields.js';

/** Restricts `fields` to the selected dot paths (`fields=title,hero.title`). */
export type Selection = string[][] | null;

/**
 * Renders entries as API objects, expanding references `levels` deep: one batched query per
 * level for all references of that level, whatever their kind or number.
 */
export class Renderer {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly schema: AccountSchema,
    private readonly scope: ReadScope,
    private readonly publicUrl: string,
    /** Collects `e<id>` for every entry an answer shows, for the response cache. */
    private readonly deps: Set<string> = new Set(),
  ) {}

  /** Renders rows in their given order; `levels` counts the rows themselves as level 1. */
  async render(rows: EntryRow[], levels: number, selection: Selection = null): Promise<Record<string, unknown>[]> {
    const ids = new Set<number>();
    for (const row of rows) {
      this.deps.add(`e${row.id}`);
      const type = this.schema.byId.get(row.type_id);
      if (type) collectReferences(type.fields, JSON.parse(row.fields), this.schema, ids);
    }
    const targets = new Map<number, unknown>();
    if (ids.size > 0) {
      const targetRows = await fetchEntries(this.db, this.scope, [...ids]);
      if (levels > 1) {
        const rendered = await this.render(targetRows, levels - 1);
        targetRows.forEach((row, i) => targets.set(row.id, rendered[i]));
      } else {
        for (const row of targetRows) {
          this.deps.add(`e${row.id}`);
          targets.set(row.id, this.uri(row));
        }
      }
    }
    const resolve: ResolveRef = (id) => targets.get(id) ?? null;
    return rows.map((row) => this.shape(row, resolve, selection));
  }

  private shape(row: EntryRow, resolve: ResolveRef, selection: Selection): Record<string, unknown> {
    const type = this.schema.byId.get(row.type_id)!;
    const fields = select(renderFields(type.fields, JSON.parse(row.fields), this.schema, { resolve, publicUrl: this.publicUrl }), selection);
    if (type.kind === 'collection') return { meta: { id: row.id }, ...fields };
    return {
      slug: row.slug,
      name: row.name,
      published: row.published,
      updated: row.updated,
      page_type: type.kind === 'page_type' ? type.key : null,
      status: row.status,
      fields,
    };
  }

  /** The API URI of an entry, as references read at the last level. */
  private uri(row: EntryRow): string {
    const type = this.schema.byId.get(row.type_id) as ContentType;
    if (type.kind === 'collection') return `${this.publicUrl}/v2/content/${type.key}/${row.id}/`;
    const pageType = type.kind === 'page_type' ? type.key : '*';
    return `${this.publicUrl}/v2/pages/${pageType}/${row.slug}/`;
  }
}

function select(fields: Record<string, unknown>, selection: Selection): Record<string, unknown> {
  if (!selection) return fields;
  const out: Record<string, unknown> = {};
  for (const path of selection) copyPath(fields, out, path);
  return out;
}

function copyPath(from: Record<string, unknown>, to: Record<string, unknown>, path: string[]): void {
  const [head, ...rest] = path as [string, ...string[]];
  if (!(head in from)) return;
  const value = from[head];
  if (rest.length === 0 || typeof value !== 'object' || value === null || Array.isArray(value)) {
    to[head] = value;
    return;
  }
  const child = (typeof to[head] === 'object' && to[head] !== null ? to[head] : {}) as Record<string, unknown>;
  to[head] = child;
  copyPath(value as Record<string, unknown>, child, rest);
}
