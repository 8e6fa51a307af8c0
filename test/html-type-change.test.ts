import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from './helpers/databases.js';
import { member, type AdminClient } from './helpers/admin.js';
import { demoServer, type TestServer } from './helpers/server.js';

// Stored XSS through a type change (security finding 2): text fields hold raw HTML by right; when
// a schema apply turns such a field into rich text, every value it holds is sanitised in the same
// transaction, wherever it is nested and in every version and locale, so /v2 never serves raw
// HTML as a wysiwyg value. Driven through the admin API and read back through /v2.

const RAW = (tag: string) =>
  `<p onclick="steal()">${tag}</p><script>fetch('/admin/api/session')</script><img src=x onerror=alert(1)><a href="https://example.com/" target="_blank">link</a>`;
const CLEAN = (tag: string) =>
  `<p>${tag}</p><img src="x" /><a href="https://example.com/" target="_blank" rel="noopener noreferrer">link</a>`;

/** Every rich-text value an article holds, wherever it is nested. */
const htmlOf = (fields: any) => [fields.intro, fields.teaser.blurb, fields.faq[0].answer, fields.blocks[0].fields.text];
const articleFields = (tag: string) => ({
  intro: RAW(tag),
  teaser: { blurb: RAW(tag) },
  faq: [{ answer: RAW(tag) }],
  blocks: [{ type: 'quote', fields: { text: RAW(tag) } }],
});

describe.each(DIALECTS)('type change to rich text (%s)', (dialect) => {
  let s: TestServer;
  let admin: AdminClient;
  let schemaUrl: string;
  let textDoc: any;

  /** The schema with the article's four text fields as `type` (top level, component, repeater, picked component). */
  const withType = (type: string) => {
    const doc = structuredClone(textDoc);
    doc.page_types.article.fields.intro.type = type;
    doc.components.teaser.fields.blurb.type = type;
    doc.page_types.article.fields.faq.fields.answer.type = type;
    doc.components.quote.fields.text.type = type;
    return doc;
  };

  beforeAll(async () => {
    s = await demoServer(dialect);
    admin = await member(s.app, s.store, s.demo.id, 'admin');
    schemaUrl = `/admin/api/accounts/${s.demo.id}/schema`;
    textDoc = (await admin.get(schemaUrl)).body.data;
    textDoc.components.teaser = { name: 'Teaser', fields: { blurb: { type: 'long_text' } } };
    textDoc.components.quote = { name: 'Quote', fields: { text: { type: 'long_text' } } };
    textDoc.page_types.article = {
      name: 'Article',
      fields: {
        intro: { type: 'long_text' },
        teaser: { type: 'component', component: 'teaser' },
        faq: { type: 'repeater', fields: { answer: { type: 'long_text' } } },
        blocks: { type: 'component_picker', components: ['quote'] },
      },
    };
    expect((await admin.request('PUT', schemaUrl, textDoc)).status).toBe(200);
    // Published in English, a newer draft over it, and Spanish: three versions, all raw.
    expect(
      (
        await s.send('POST', '/v2/pages/', {
          title: 'Story',
          slug: 'story',
          page_type: 'article',
          status: 'published',
          fields: articleFields('en published'),
        })
      ).status,
    ).toBe(202);
    expect(
      (await s.send('PATCH', '/v2/pages/article/story/', { status: 'draft', fields: articleFields('en draft') }))
        .status,
    ).toBe(202);
    expect(
      (
        await s.send('PATCH', '/v2/pages/article/story/?locale=es', {
          status: 'published',
          fields: articleFields('es published'),
        })
      ).status,
    ).toBe(202);
  });

  afterAll(async () => {
    await s?.close();
  });

  it('serves long text as it was written (text fields are not HTML)', async () => {
    expect(htmlOf((await s.get('/v2/pages/article/story/')).body.data.fields)).toEqual(
      Array(4).fill(RAW('en published')),
    );
  });

  it('flags the change as data loss in the diff, and refuses it without confirmation', async () => {
    const lines = [
      '~ components.teaser.fields.blurb (long_text -> wysiwyg)',
      '~ components.quote.fields.text (long_text -> wysiwyg)',
      '~ page_types.article.fields.intro (long_text -> wysiwyg)',
      '~ page_types.article.fields.faq.fields.answer (long_text -> wysiwyg)',
    ];
    const diff = await admin.request('POST', `${schemaUrl}/diff`, withType('wysiwyg'));
    expect(diff.body.data.map((c: any) => [c.line, c.data_loss])).toEqual(lines.map((l) => [l, true]));
    const refused = await admin.request('PUT', schemaUrl, withType('wysiwyg'));
    expect(refused).toMatchObject({ status: 409, body: { detail: { errors: lines } } });
    expect(htmlOf((await s.get('/v2/pages/article/story/')).body.data.fields)).toEqual(
      Array(4).fill(RAW('en published')),
    );
  });

  describe('applied with confirmation', () => {
    beforeAll(async () => {
      expect((await admin.request('PUT', `${schemaUrl}?confirm=true`, withType('wysiwyg'))).status).toBe(200);
    });

    it.for([
      ['the published version', '/v2/pages/article/story/', 'en published'],
      ['the newer draft (preview)', '/v2/pages/article/story/?preview=1', 'en draft'],
      ['another locale', '/v2/pages/article/story/?locale=es', 'es published'],
    ])('serves %s sanitised, at every depth', async ([, url, tag]) => {
      expect(htmlOf((await s.get(url!)).body.data.fields)).toEqual(Array(4).fill(CLEAN(tag!)));
    });

    it('rebuilt the filter index from the sanitised value', async () => {
      const hit = await s.get(`/v2/pages/article/?fields.intro=${encodeURIComponent(CLEAN('en published'))}`);
      expect(hit.body.data.map((p: any) => p.slug)).toEqual(['story']);
      expect(
        (await s.get(`/v2/pages/article/?fields.intro=${encodeURIComponent(RAW('en published'))}`)).body.data,
      ).toEqual([]);
    });

    it("rebuilt the search index: the script's text is gone", async () => {
      expect((await s.get('/v2/pages/search/?query=session')).body.data).toEqual([]);
      expect((await s.get('/v2/pages/search/?query=published')).body.data.map((p: any) => p.slug)).toEqual(['story']);
    });

    it('changes nothing more on a switch between wysiwyg and html (both sanitised)', async () => {
      const diff = await admin.request('POST', `${schemaUrl}/diff`, withType('html'));
      expect(diff.body.data.map((c: any) => c.data_loss)).toEqual([false, false, false, false]);
    });
  });

  it('sanitises values a removed field left behind when it comes back as rich text', async () => {
    const doc = (await admin.get(schemaUrl)).body.data;
    doc.page_types.landing_page.fields.legacy = { type: 'long_text' };
    expect((await admin.request('PUT', schemaUrl, doc)).status).toBe(200);
    expect(
      (await s.send('PATCH', '/v2/pages/landing_page/about-us/', { fields: { legacy: RAW('legacy') } })).status,
    ).toBe(202);
    delete doc.page_types.landing_page.fields.legacy;
    expect((await admin.request('PUT', `${schemaUrl}?confirm=true`, doc)).status).toBe(200);
    doc.page_types.landing_page.fields.legacy = { type: 'wysiwyg' };
    const back = await admin.request('PUT', schemaUrl, doc);
    expect(back.body.changes.map((c: any) => [c.line, c.data_loss])).toEqual([
      ['+ page_types.landing_page.fields.legacy (wysiwyg)', false],
    ]);
    expect((await s.get('/v2/pages/landing_page/about-us/')).body.data.fields.legacy).toBe(CLEAN('legacy'));
  });
});
