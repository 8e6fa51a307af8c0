import type { AccountSchema } from '../content/account-schema.js';
import type { EntrySnapshot, PostSnapshot } from '../history/trash/trash-snapshot.js';
import type { SubjectKind } from '../store/history-tables.js';
import { mapReferences, type IdMap } from './map-references.js';

/** Where a snapshot goes: the subject's id and page type or collection there (0 in an archive). */
export interface SnapshotPlace {
  subjectId: number;
  typeId: number;
  /** Maps the entry ids its references name. */
  map: IdMap;
}

/**
 * A trash row's snapshot (src/history/trash/trash-snapshot.ts) moved to another place: its own
 * id and type set, its references mapped, and the ids of authors and terms (rows of one install,
 * meaningless in another) zeroed, so a restore finds them by slug and name as it does for ones
 * deleted since. An archive holds snapshots so, with a type id of 0; an import places them.
 */
export function portableSnapshot(
  kind: SubjectKind,
  snapshot: unknown,
  schema: AccountSchema,
  place: SnapshotPlace,
): EntrySnapshot | PostSnapshot {
  if (kind === 'post') {
    const post = snapshot as PostSnapshot;
    return {
      post: { id: place.subjectId, slug: post.post.slug, created: post.post.created },
      // Exactly the stored columns: a restore writes the version back as it finds it.
      versions: post.versions.map((v) => ({
        channel: v.channel,
        status: v.status,
        title: v.title,
        body: v.body,
        summary: v.summary,
        seo_title: v.seo_title,
        meta_description: v.meta_description,
        featured_image: v.featured_image,
        featured_image_alt: v.featured_image_alt,
        updated: v.updated,
        published: v.published,
        scheduled: v.scheduled,
        author: { id: 0, slug: v.author.slug },
        categories: v.categories.map((t) => ({ id: 0, name: t.name })),
        tags: v.tags.map((t) => ({ id: 0, name: t.name })),
      })),
    };
  }
  const entry = snapshot as EntrySnapshot;
  const type = schema.byKey.get(`${entry.type.kind}:${entry.type.key}`);
  return {
    entry: {
      id: place.subjectId,
      type_id: place.typeId,
      slug: entry.entry.slug,
      created: entry.entry.created,
      unpublish_at: entry.entry.unpublish_at ?? null,
    },
    type: { key: entry.type.key, kind: entry.type.kind },
    versions: entry.versions.map((v) => ({
      locale: v.locale,
      channel: v.channel,
      status: v.status,
      name: v.name,
      fields: type ? JSON.stringify(mapReferences(type.fields, JSON.parse(v.fields), schema, place.map)) : v.fields,
      updated: v.updated,
      published: v.published,
      scheduled: v.scheduled ?? null,
    })),
  };
}
