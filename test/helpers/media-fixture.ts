import { loadAccountSchema } from '../../src/content/account-schema.js';
import { writeEntry } from '../../src/content/write/write-entry.js';
import { loadConfig } from '../../src/config.js';
import { mediaIngester } from '../../src/media/media-ingester.js';
import { LocalMediaStore } from '../../src/media/local-media-store.js';
import type { Store } from '../../src/store/database.js';
import { importActor } from '../../src/audit/actor.js';

/** A tiny PNG (its signature and an IHDR chunk are all the sniffer needs). */
export const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

/**
 * Puts a PNG into the media library and uses it: as the first brand's logo (through the real
 * write, which takes a library URL without a download) and as the newest post's featured image.
 * Returns the stored value, `/media/<hash>.png`.
 */
export async function addMedia(
  store: Store,
  accountId: number,
  mediaDir: string,
  publicUrl = 'http://ghee.test',
): Promise<string> {
  const library = new LocalMediaStore(mediaDir, publicUrl);
  const saved = await library.save(PNG, 'png', 'image/png');
  const row = await store.db
    .selectFrom('accounts')
    .select('schema_version')
    .where('id', '=', accountId)
    .executeTakeFirstOrThrow();
  const schema = await loadAccountSchema(store.db, accountId, row.schema_version);
  const brands = schema.byKey.get('collection:brands')!;
  const first = await store.db
    .selectFrom('entries')
    .select('id')
    .where('type_id', '=', brands.id)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const ingestMedia = mediaIngester(
    loadConfig({}, { mediaDir, publicUrl, dataDir: '/nonexistent', databaseUrl: 'unused' }),
    library,
  );
  await writeEntry(
    store.db,
    schema,
    {
      type: brands,
      intent: 'update',
      id: first.id,
      status: 'published',
      locales: { en: { logo: saved.url }, es: { logo: saved.url } },
      mode: { partial: true, requireAll: false },
    },
    { actor: importActor('test fixture'), ingestMedia },
  );
  const stored = `/media/${saved.name}`;
  const post = await store.db
    .selectFrom('posts')
    .select('id')
    .where('account_id', '=', accountId)
    .orderBy('slug')
    .executeTakeFirstOrThrow();
  await store.db.updateTable('post_versions').set({ featured_image: stored }).where('post_id', '=', post.id).execute();
  return stored;
}
