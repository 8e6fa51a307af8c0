import type { AccountSchema } from '../content/account-schema.js';
import { htmlImages } from '../transfer/html-images.js';
import { entryFields } from './entry-fields.js';
import type { Channels, SourceEntry } from './read-source.js';
import { sourceUrl, splitMediaUrl } from './source-media-url.js';
import { toStored } from './to-stored.js';

/**
 * Every media file the content uses, once each, by the URL to download it from (image tasks left
 * out: `resize=width:800/<handle>` and `<handle>` are one file; see sourceUrl for which URLs can
 * be downloaded), with the first alt text the
 * content gives it ('' when none). Found in media fields (through the schema, in components and
 * rows too), in the images of rich text (`<img src>`, `srcset`, `<source srcset>`), and in posts'
 * featured images (with `featured_image_alt`) and bodies.
 */
export function collectMedia(
  schema: AccountSchema,
  entries: SourceEntry[],
  posts: Map<string, Channels>,
  where: { mediaBase: string; cdnHosts?: readonly string[] },
): Map<string, string> {
  const files = new Map<string, string>();
  const add = (url: string, alt = '') => {
    const absolute = sourceUrl(url, where.mediaBase);
    if (!absolute) return;
    const { file } = splitMediaUrl(absolute, where.cdnHosts);
    if (!files.get(file)) files.set(file, alt.trim());
  };
  const lookups = {
    media: (url: string, alt?: string) => void add(url, alt) as undefined,
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
    for (const post of [channels.published, channels.latest]) {
      if (typeof post?.featured_image === 'string' && post.featured_image)
        add(post.featured_image, typeof post.featured_image_alt === 'string' ? post.featured_image_alt : '');
      if (typeof post?.body === 'string') for (const image of htmlImages(post.body)) add(image.url, image.alt);
    }
  }
  return files;
}
