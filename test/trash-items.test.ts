import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, type CreatedAccount } from '../src/accounts/accounts.js';
import { applySchema } from '../src/content/schema/apply-schema.js';
import { DIALECTS } from './helpers/databases.js';
import { demoServer, type TestServer } from './helpers/server.js';
import { auditOf, everyRead, historyOf, newestTrashRow } from './helpers/trash.js';

// Deleting a collection item moves it to the trash (docs/api.md §12.2): restored, it keeps its
// id, so the references other entries hold to it (left dangling by a forced delete) work again.

/** A schema with one collection, `notes`, when `withNotes`; with none otherwise. */
const notesSchema = (withNotes: boolean) => ({
  locales: [{ slug: 'en', name: 'English', default: true }],
  collections: withNotes ? { notes: { name: 'Notes', fields: { text: { type: 'short_text' } } } } : {},
});

describe.each(DIALECTS)('the trash: collection items (%s)', (dialect) => {
  let s: TestServer;
  let acme: number;
  const brandOf = async () =>
    (await s.get('/v2/pages/landing_page/pricing/?levels=2')).body.data.fields.brand as { name: string } | null;

  beforeAll(async () => {
    s = await demoServer(dialect);
    const row = await s.store.db
      .selectFrom('entry_versions')
      .select('entry_id')
      .where('fields', 'like', '%"name":"Acme"%')
      .executeTakeFirstOrThrow();
    acme = row.entry_id;
  });
  afterAll(async () => s?.close());

  it('restores an item with its id, content, history, and the references to it', async () => {
    const url = `/v2/content/brands/${acme}/`;
    const before = await everyRead(s, url);
    const history = await historyOf(s.store, s.demo.id, 'item', acme);
    expect((await brandOf())?.name).toBe('Acme');
    expect((await s.send('DELETE', url)).body).toEqual({
      detail: 'Cannot delete: referenced by landing_page/pricing',
    });
    expect((await s.send('DELETE', `${url}?force=true`)).status).toBe(204);
    expect((await s.get(url)).status).toBe(404);
    expect(await brandOf()).toBeNull();
    const row = await newestTrashRow(s, 'item');
    expect(row).toMatchObject({ kind: 'item', key: 'brands', id: acme, name: 'Acme' });
    expect(row).not.toHaveProperty('slug');
    expect((await s.send('POST', `/v2/trash/item/${row.trash_id}/restore/`)).status).toBe(202);
    expect(await everyRead(s, url)).toEqual(before);
    expect(await historyOf(s.store, s.demo.id, 'item', acme)).toEqual(history);
    expect((await brandOf())?.name).toBe('Acme');
    expect(await auditOf(s.store, s.demo.id, 'restore', acme)).toMatchObject([
      { kind: 'item', detail: '{"type":"brands"}' },
    ]);
  });

  it('keeps the stored references of a restored item to entries gone since: they read as null', async () => {
    const category = await s.store.db
      .selectFrom('entry_versions')
      .select('fields')
      .where('entry_id', '=', acme)
      .executeTakeFirstOrThrow();
    const categoryId = (JSON.parse(category.fields) as { category: number }).category;
    expect((await s.send('DELETE', `/v2/content/brands/${acme}/?force=true`)).status).toBe(204);
    const row = await newestTrashRow(s, 'item');
    expect((await s.send('DELETE', `/v2/content/categories/${categoryId}/?force=true`)).status).toBe(204);
    expect((await s.send('POST', `/v2/trash/item/${row.trash_id}/restore/`)).status).toBe(202);
    const read = await s.get(`/v2/content/brands/${acme}/?levels=2`);
    expect(read.body.data).toMatchObject({ name: 'Acme', category: null });
    const stored = await s.store.db
      .selectFrom('entry_versions')
      .select('fields')
      .where('entry_id', '=', acme)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(stored.fields)).toMatchObject({ category: categoryId });
    // The category comes back too: the brand's reference to it works again.
    const category2 = await newestTrashRow(s, 'item');
    expect((await s.send('POST', `/v2/trash/item/${category2.trash_id}/restore/`)).status).toBe(202);
    expect((await s.get(`/v2/content/brands/${acme}/?levels=2`)).body.data.category).toMatchObject({
      slug: 'tools',
    });
  });

  describe('of a collection removed from the schema', () => {
    let other: CreatedAccount;
    let trashId: number;
    beforeAll(async () => {
      other = await createAccount(s.store.db, { name: 'Notes account' });
      await applySchema(s.store.db, other.id, notesSchema(true), { allowDataLoss: true });
      const created = await s.send(
        'POST',
        '/v2/content/',
        { key: 'notes', fields: [{ text: 'Remember' }] },
        other.write_token,
      );
      expect(created.status).toBe(202);
      const item = await s.get('/v2/content/notes/?preview=1', other.read_token);
      const id = item.body.data.notes[0].meta.id as number;
      expect((await s.send('DELETE', `/v2/content/notes/${id}/`, undefined, other.write_token)).status).toBe(204);
      await applySchema(s.store.db, other.id, notesSchema(false), { allowDataLoss: true });
      trashId = (await newestTrashRow(s, 'item', other.write_token)).trash_id;
    });

    it('is listed under its key, and refused with 409 naming it', async () => {
      expect(await newestTrashRow(s, 'item', other.write_token)).toMatchObject({ key: 'notes', name: 'Remember' });
      const refused = await s.send('POST', `/v2/trash/item/${trashId}/restore/`, undefined, other.write_token);
      expect(refused).toMatchObject({
        status: 409,
        body: { detail: "The collection 'notes' no longer exists: add it back to the schema to restore this item" },
      });
    });

    it('is restored once a collection of that key is back', async () => {
      await applySchema(s.store.db, other.id, notesSchema(true), { allowDataLoss: true });
      expect((await s.send('POST', `/v2/trash/item/${trashId}/restore/`, undefined, other.write_token)).status).toBe(
        202,
      );
      const read = await s.get('/v2/content/notes/?preview=1', other.read_token);
      expect(read.body.data.notes.map((n: { text: string }) => n.text)).toEqual(['Remember']);
    });
  });
});
