import type { ButterSource, SourceJson } from './butter-client.js';

/** An API object (page, item or post) as the source answered it. */
export type ApiObject = Record<string, SourceJson>;

/** What readers see (`published`) and the newest version under `preview=1` (`latest`). */
export interface Channels {
  published?: ApiObject;
  latest?: ApiObject;
}

/** A page or collection item of the source, in every locale read. */
export interface SourceEntry {
  /** `page_type:<key>`, `single_page:<slug>` or `collection:<key>`. */
  type: string;
  slug: string | null;
  /** A collection item's `meta.id` at the source. */
  sourceId: number | null;
  /** By target locale slug. */
  locales: Map<string, Channels>;
}

/** Everything read from the source. */
export interface SourceSnapshot {
  entries: SourceEntry[];
  authors: ApiObject[];
  categories: ApiObject[];
  tags: ApiObject[];
  /** Posts by slug. */
  posts: Map<string, Channels>;
}

/** Which content to read, and in which locales (`param` undefined: the source's default). */
export interface ReadPlan {
  locales: { param?: string; target: string }[];
  pageTypes: string[];
  collections: string[];
}

/**
 * Reads the named page types (`*`: single pages), collections and the whole blog from the source,
 * in every locale, each list once as readers see it and once with `preview=1` (drafts).
 * References are asked for at `levels=1`, where they come as API URIs naming their target.
 */
export async function readSource(source: ButterSource, plan: ReadPlan): Promise<SourceSnapshot> {
  const entries = new Map<string, SourceEntry>();
  const add = (
    type: string,
    slug: string | null,
    sourceId: number | null,
    locale: string,
    channel: keyof Channels,
    obj: ApiObject,
  ) => {
    const key = `${type}\u0000${slug ?? ''}\u0000${sourceId ?? ''}`;
    const entry = entries.get(key) ?? { type, slug, sourceId, locales: new Map() };
    entries.set(key, entry);
    const channels = entry.locales.get(locale) ?? {};
    channels[channel] = obj;
    entry.locales.set(locale, channels);
  };
  for (const { param, target } of plan.locales) {
    for (const [channel, preview] of [
      ['published', undefined],
      ['latest', 1],
    ] as const) {
      const params = { locale: param, levels: 1, preview };
      for (const pageType of plan.pageTypes) {
        for (const page of await source.all(`/pages/${encodeURIComponent(pageType)}/`, params)) {
          const type = pageType === '*' || !page.page_type ? `single_page:${page.slug}` : `page_type:${pageType}`;
          add(type, page.slug, null, target, channel, page);
        }
      }
      for (const key of plan.collections) {
        for (const item of await source.all(`/content/${encodeURIComponent(key)}/`, params, (b) => b.data?.[key])) {
          add(`collection:${key}`, null, Number(item.meta?.id), target, channel, item);
        }
      }
    }
  }
  const posts = new Map<string, Channels>();
  for (const [channel, preview] of [
    ['published', undefined],
    ['latest', 1],
  ] as const) {
    for (const post of await source.all('/posts/', { preview }))
      posts.set(post.slug, { ...posts.get(post.slug), [channel]: post });
  }
  const list = async (path: string) => ((await source.get(path))?.data ?? []) as ApiObject[];
  return {
    entries: [...entries.values()],
    authors: await list('/authors/'),
    categories: await list('/categories/'),
    tags: await list('/tags/'),
    posts,
  };
}
