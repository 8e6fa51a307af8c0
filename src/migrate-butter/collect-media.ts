import type { AccountSchema } from '../content/account-schema.js';
import { entryFields } from './entry-fields.js';
import type { Channels, SourceEntry } from './read-source.js';
import { toStored } from './to-stored.js';

/**
 * Every media URL the content uses, once each: the values of media fields (found through the
 * schema, in components and rows too) and posts' featured images.
 */
export function collectMediaUrls(
  schema: AccountSchema,
  entries: SourceEntry[],
  posts: Map<string, Channels>,
): string[] {
  const urls = new Set<string>();
  const lookups = {
    media: (url: string) => void urls.add(url) as undefined,
    page: () => undefined,
    item: () => undefined,
  };
  for (const entry of entries) {
    const type = schema.byKey.get(entry.type);
    if (!type) continue;
    for (const channels of entry.locales.values()) {
      for (const obj of [channels.published, channels.latest])
        if (obj) toStored(type.fields, entryFields(type.kind, obj), schema, lookups, { count: 0 });
    }
  }
  for (const channels of posts.values()) {
    for (const post of [channels.published, channels.latest])
      if (typeof post?.featured_image === 'string' && post.featured_image) urls.add(post.featured_image);
  }
  return [...urls];
}
