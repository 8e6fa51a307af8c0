import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { up } from '../src/store/migrations/013-resanitize-html.js';
import { DIALECTS } from './helpers/databases.js';
import { demoServer, type TestServer } from './helpers/server.js';

// Migration 013: an install upgraded from a release that kept raw HTML after a type change (or
// lacked rel="noopener") has every stored rich-text value and post body sanitised once, with the
// filter and search rows that come from them. Here the raw values are put straight into the
// tables, as the old release could have left them, and the migration is run on them.

const RAW = '<p onclick="steal()">Hi</p><script>alert(1)</script><a href="https://x.example/" target="_blank">x</a>';
const CLEAN = '<p>Hi</p><a href="https://x.example/" target="_blank" rel="noopener noreferrer">x</a>';
const DEEP = `${'<b>'.repeat(300)}deep & "quoted"`;
const ESCAPED = `${'&lt;b&gt;'.repeat(300)}deep &amp; "quoted"`;
const PAGE = '/v2/pages/landing_page/about-us/';

describe.each(DIALECTS)('migration 013: rich text sanitised again (%s)', (dialect) => {
  let s: TestServer;
  let postSlug: string;

  beforeAll(async () => {
    s = await demoServer(dialect);
    const db = s.store.db;
    const aboutUs = await db
      .selectFrom('entries')
      .select('id')
      .where('slug', '=', 'about-us')
      .executeTakeFirstOrThrow();
    for (const v of await db.selectFrom('entry_versions').selectAll().where('entry_id', '=', aboutUs.id).execute()) {
      const fields = {
        ...JSON.parse(v.fields),
        body: RAW,
        embed: DEEP,
        seo: { title: 'SEO', description: 'Plain <b>text</b>, not HTML' },
        faq: [{ question: 'q', answer: RAW }],
      };
      const at = (q: any) =>
        q.where('entry_id', '=', v.entry_id).where('locale', '=', v.locale).where('channel', '=', v.channel);
      await at(db.updateTable('entry_versions').set({ fields: JSON.stringify(fields) })).execute();
      await at(db.updateTable('field_values').set({ text_value: RAW }).where('path', '=', 'body')).execute();
      await at(db.updateTable('search_docs').set({ doc: `About us\nabout-us\nHi alert(1) x` })).execute();
    }
    const post = await db.selectFrom('posts').select(['id', 'slug']).orderBy('slug').executeTakeFirstOrThrow();
    postSlug = post.slug;
    await db.updateTable('post_versions').set({ body: RAW }).where('post_id', '=', post.id).execute();
    await db.updateTable('post_search').set({ body: 'Hi alert(1) x' }).where('post_id', '=', post.id).execute();
    await up(db as never);
  });

  afterAll(async () => {
    await s?.close();
  });

  it('is registered: a migrated database has run it', async () => {
    const names = (
      await s.store.db
        .selectFrom('kysely_migration' as any)
        .select('name')
        .execute()
    ).map((r: any) => r.name);
    expect(names).toContain('013-resanitize-html');
  });

  it.for([
    ['published', PAGE],
    ['latest (preview)', `${PAGE}?preview=1`],
    ['another locale', `${PAGE}?locale=es&preview=1`],
  ])('sanitised the %s version, nested values too', async ([, url]) => {
    const fields = (await s.get(url!)).body.data.fields;
    expect([fields.body, fields.faq[0].answer]).toEqual([CLEAN, CLEAN]);
  });

  it('left text fields alone: their values are text, not HTML', async () => {
    expect((await s.get(PAGE)).body.data.fields.seo.description).toBe('Plain <b>text</b>, not HTML');
  });

  it('kept a value past the nesting limit as escaped text', async () => {
    expect((await s.get(PAGE)).body.data.fields.embed).toBe(ESCAPED);
  });

  it('rewrote the filter and search rows', async () => {
    expect(
      (await s.get(`/v2/pages/landing_page/?fields.body=${encodeURIComponent(CLEAN)}`)).body.data.map(
        (p: any) => p.slug,
      ),
    ).toEqual(['about-us']);
    expect((await s.get('/v2/pages/search/?query=alert')).body.data).toEqual([]);
  });

  it('sanitised post bodies, and their search text', async () => {
    expect((await s.get(`/v2/posts/${postSlug}/?preview=1`)).body.data.body).toBe(CLEAN);
    expect((await s.get('/v2/posts/search/?query=alert')).body.data).toEqual([]);
  });

  it('leaves everything as it is when run again', async () => {
    const before = await s.store.db
      .selectFrom('entry_versions')
      .select(['entry_id', 'locale', 'channel', 'fields'])
      .orderBy('entry_id')
      .orderBy('locale')
      .orderBy('channel')
      .execute();
    await up(s.store.db as never);
    const after = await s.store.db
      .selectFrom('entry_versions')
      .select(['entry_id', 'locale', 'channel', 'fields'])
      .orderBy('entry_id')
      .orderBy('locale')
      .orderBy('channel')
      .execute();
    expect(after).toEqual(before);
  });
});
