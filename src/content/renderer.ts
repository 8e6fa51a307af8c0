import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import type { Database } from '../store/tables.js';
import type { AccountSchema, ContentType } from './account-schema.js';
import { AnswerBudget } from './answer-budget.js';
import { fetchEntries, fetchHandles, type EntryHandle, type EntryRow, type ReadScope } from './entry-rows.js';
import { renderFields, type ResolveRef } from './render-fields.js';
import { selectPaths, type Selection } from './selection.js';

export type { Selection } from './selection.js';

/** What rendering needs of the configuration: URLs and the answer budget. */
export type RenderConfig = Pick<Config, 'publicUrl' | 'mediaPublicUrl' | 'answerMaxNodes' | 'answerMaxBytes'>;

/** An entry at one level of the answer: its stored values and how many times that level shows it. */
interface Node {
  row: EntryRow;
  values: unknown;
  times: number;
}

/**
 * Renders entries as API objects, expanding references `levels` deep: one batched query per
 * level for all references of that level, whatever their kind or number.
 *
 * The answer's size is charged to an `AnswerBudget` (one per renderer, so per answer) before it
 * is built: going down, each level's references are counted with their repeats (a target shown
 * under 100 references is 100 nodes) before they are fetched, and each entry's own JSON size
 * times its repeats as it is shaped. Only then are the objects built, deepest level first; they
 * share the targets they repeat, so building stays as small as the stored content.
 */
export class Renderer {
  private readonly budget: AnswerBudget;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly schema: AccountSchema,
    private readonly scope: ReadScope,
    private readonly config: RenderConfig,
    /** Collects `e<id>` for every entry an answer shows, for the response cache. */
    private readonly deps: Set<string> = new Set(),
  ) {
    this.budget = new AnswerBudget(config);
  }

  /** Renders rows in their given order; `levels` counts the rows themselves as level 1. */
  async render(rows: EntryRow[], levels: number, selection: Selection = null): Promise<Record<string, unknown>[]> {
    this.budget.addNodes(rows.length);
    // References outside the selection are not in the answer: neither counted nor fetched.
    const top = rows.map((row) => ({ row, values: selectPaths(JSON.parse(row.fields), selection), times: 1 }));
    for (const row of rows) this.deps.add(`e${row.id}`);
    const tiers: Node[][] = [top];
    let resolved = new Map<number, unknown>();
    for (let level = 1; level <= levels; level++) {
      const next = this.charge(tiers[level - 1]!, level === 1 ? selection : null);
      if (next.size === 0) break;
      if (level === levels) {
        resolved = this.uris(await fetchHandles(this.db, this.scope, [...next.keys()]), next);
        break;
      }
      const found = await fetchEntries(this.db, this.scope, [...next.keys()]);
      for (const row of found) this.deps.add(`e${row.id}`);
      tiers.push(found.map((row) => ({ row, values: JSON.parse(row.fields), times: next.get(row.id)! })));
    }
    for (let level = tiers.length - 1; level >= 1; level--) {
      const targets = resolved;
      const resolve: ResolveRef = (id) => targets.get(id) ?? null;
      resolved = new Map(tiers[level]!.map((node) => [node.row.id, this.shape(node, resolve, null)]));
    }
    const targets = resolved;
    return top.map((node) => this.shape(node, (id) => targets.get(id) ?? null, selection));
  }

  /**
   * Charges one level's entries (their JSON size without their references, times their repeats)
   * and the references they hold (one node per reference and repeat, as they are met), and
   * returns the targets of the next level with how many times each is shown.
   */
  private charge(nodes: Node[], selection: Selection): Map<number, number> {
    const next = new Map<number, number>();
    for (const node of nodes) {
      const visit: ResolveRef = (id) => {
        this.budget.addNodes(node.times);
        next.set(id, (next.get(id) ?? 0) + node.times);
        return null;
      };
      const own = this.shape(node, visit, selection);
      this.budget.addBytes(Buffer.byteLength(JSON.stringify(own)) * node.times);
    }
    return next;
  }

  /** The last level: references become API URI strings. */
  private uris(rows: EntryHandle[], times: Map<number, number>): Map<number, unknown> {
    const out = new Map<number, unknown>();
    for (const row of rows) {
      this.deps.add(`e${row.id}`);
      const uri = this.uri(row);
      this.budget.addBytes((Buffer.byteLength(uri) + 2) * times.get(row.id)!);
      out.set(row.id, uri);
    }
    return out;
  }

  private shape(node: Node, resolve: ResolveRef, selection: Selection): Record<string, unknown> {
    const { row } = node;
    const type = this.schema.byId.get(row.type_id)!;
    const fields = selectPaths(
      renderFields(type.fields, node.values, this.schema, {
        resolve,
        publicUrl: this.config.publicUrl,
        mediaPublicUrl: this.config.mediaPublicUrl,
      }),
      selection,
    ) as Record<string, unknown>;
    const timing = this.timing(row);
    if (type.kind === 'collection') return { meta: { id: row.id, ...timing }, ...fields };
    return {
      slug: row.slug,
      name: row.name,
      published: row.published,
      updated: row.updated,
      page_type: type.kind === 'page_type' ? type.key : null,
      ...timing,
      fields,
    };
  }

  /**
   * `scheduled` and `status` as ButterCMS shows them (a draft waiting for its time is
   * `scheduled`), and under preview when the entry goes off the air (docs/api.md §13).
   */
  private timing(row: EntryRow): Record<string, string | null> {
    const status = row.status === 'draft' && row.scheduled !== null ? 'scheduled' : row.status;
    const timing = { scheduled: row.scheduled, status };
    return this.scope.channel === 'latest' ? { ...timing, unpublish_at: row.unpublish_at } : timing;
  }

  /** The API URI of an entry, as references read at the last level. */
  private uri(row: EntryHandle): string {
    const type = this.schema.byId.get(row.type_id) as ContentType;
    if (type.kind === 'collection') return `${this.config.publicUrl}/v2/content/${type.key}/${row.id}/`;
    const pageType = type.kind === 'page_type' ? type.key : '*';
    return `${this.config.publicUrl}/v2/pages/${pageType}/${row.slug}/`;
  }
}
