import type { ContentType } from '../content/account-schema.js';

// Cache tags name what an answer depends on, and what a write changes:
//   e<id>    one entry (shown directly, expanded as a reference, or named by its URI)
//   t<id>    the lists and searches of one content type (an entry may enter, leave or move)
//   s<slug>  page lookups by slug (through `*` a new page of another type changes the answer)
//   blog     every blog answer (lists, neighbours and feeds all shift with any post)
//   feeds    the feeds, which also show the account's site settings (a settings change records only it)

/** The tags a write to one entry touches. */
export function entryTags(type: ContentType, entryId: number, slugs: (string | null | undefined)[]): string[] {
  const tags = [`e${entryId}`, `t${type.id}`];
  if (type.kind !== 'collection') for (const slug of slugs) if (slug) tags.push(`s${slug}`);
  return tags;
}

/** The Surrogate-Key header: the tags, scoped to the account, plus the account itself. */
export function surrogateKeys(accountId: number, tags: Iterable<string>): string {
  return [`a${accountId}`, ...[...tags].map((t) => `a${accountId}-${t}`)].join(' ');
}
