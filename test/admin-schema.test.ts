import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../src/accounts/accounts.js';
import { DIALECTS } from './helpers/databases.js';
import { demoAdmin, member, type AdminClient } from './helpers/admin.js';
import type { TestServer } from './helpers/server.js';

// Settings > Localization and Content Types: locales within the plan, confirmation before
// content is lost, the schema document's diff, apply, import and export.

const FORBIDDEN = { detail: 'You do not have permission to perform this action', code: 'forbidden' };

describe.each(DIALECTS)('admin locales and schema (%s)', (dialect) => {
  let s: TestServer;
  let admin: AdminClient;
  let base: string;

  beforeAll(async () => {
    ({ s, admin, base } = await demoAdmin(dialect));
  });

  afterAll(async () => {
    await s?.close();
  });

  const en = { slug: 'en', name: 'English', default: true };
  const es = { slug: 'es', name: 'Spanish' };

  describe('schema', () => {
    const withSubtitle = async () => {
      const doc = (await admin.get(`${base}/schema`)).body.data;
      doc.page_types.landing_page.fields.subtitle = { type: 'short_text', max_length: 80 };
      return doc;
    };

    it('exports the document, and importing it unchanged changes nothing', async () => {
      const doc = (await admin.get(`${base}/schema`)).body.data;
      expect(doc.locales).toEqual([en, es]);
      expect(Object.keys(doc.page_types)).toEqual(['landing_page']);
      expect(doc.collections.brands.fields.name).toEqual({ type: 'short_text', required: true });
      expect(await admin.request('PUT', `${base}/schema`, doc)).toMatchObject({
        status: 200,
        body: { data: doc, changes: [] },
      });
    });

    it('shows the diff of a document without applying it', async () => {
      const res = await admin.request('POST', `${base}/schema/diff`, await withSubtitle());
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual([
        {
          op: '+',
          path: 'page_types.landing_page.fields.subtitle',
          description: 'short_text',
          data_loss: false,
          line: '+ page_types.landing_page.fields.subtitle (short_text)',
        },
      ]);
      expect((await admin.get(`${base}/schema`)).body.data.page_types.landing_page.fields.subtitle).toBeUndefined();
      const loss = (await admin.get(`${base}/schema`)).body.data;
      delete loss.page_types.landing_page.fields.notes;
      expect((await admin.request('POST', `${base}/schema/diff`, loss)).body.data).toEqual([
        expect.objectContaining({
          op: '-',
          path: 'page_types.landing_page.fields.notes',
          data_loss: true,
          line: '- page_types.landing_page.fields.notes (markdown, 4 pages)',
        }),
      ]);
    });

    it('applies a document; /v2 sees the change from the next request', async () => {
      const res = await admin.request('PUT', `${base}/schema`, await withSubtitle());
      expect(res.status).toBe(200);
      expect(res.body.changes.map((c: any) => c.line)).toEqual([
        '+ page_types.landing_page.fields.subtitle (short_text)',
      ]);
      expect(res.body.data.page_types.landing_page.fields.subtitle).toEqual({ type: 'short_text', max_length: 80 });
      expect((await s.get('/v2/pages/landing_page/about-us/')).body.data.fields.subtitle).toBe('');
    });

    it('asks for confirmation (409) before a change that deletes content, then applies it', async () => {
      const doc = (await admin.get(`${base}/schema`)).body.data;
      delete doc.page_types.landing_page.fields.subtitle;
      delete doc.page_types.landing_page.fields.notes;
      const refused = await admin.request('PUT', `${base}/schema`, doc);
      expect(refused).toMatchObject({
        status: 409,
        body: {
          detail: {
            message: 'This change deletes content. Send it again with ?confirm=true to go ahead.',
            errors: [
              '- page_types.landing_page.fields.notes (markdown, 4 pages)',
              '- page_types.landing_page.fields.subtitle (short_text, 4 pages)',
            ],
          },
        },
      });
      expect((await s.get('/v2/pages/landing_page/about-us/')).body.data.fields.notes).toBeTruthy();
      const done = await admin.request('PUT', `${base}/schema?confirm=true`, doc);
      expect(done.status).toBe(200);
      expect((await s.get('/v2/pages/landing_page/about-us/')).body.data.fields).not.toHaveProperty('notes');
    });

    it('refuses an invalid document with every problem listed', async () => {
      const res = await admin.request('PUT', `${base}/schema`, {
        page_types: { search: { name: 'S', fields: {} } },
        extra: 1,
      });
      expect(res.status).toBe(400);
      expect(res.body.detail.message).toBe('The schema document is invalid.');
      expect(res.body.detail.errors).toEqual(
        expect.arrayContaining([
          expect.stringContaining('extra: unknown key'),
          expect.stringContaining('page_types.search: "search" is reserved'),
        ]),
      );
      expect((await admin.request('POST', `${base}/schema/diff`, 'nope')).body.detail.errors).toEqual([
        'document: must be a JSON object',
      ]);
    });
  });

  describe('locales', () => {
    it('lists locales with how much content each holds', async () => {
      const res = await admin.get(`${base}/locales`);
      expect(res.body.data).toEqual([
        { ...en, entries: expect.any(Number) },
        { ...es, default: false, entries: expect.any(Number) },
      ]);
      expect(res.body.data[1].entries).toBeGreaterThan(0);
    });

    it('adds, renames and chooses the default', async () => {
      const added = await admin.request('PUT', `${base}/locales`, {
        locales: [en, { slug: 'es', name: 'Español' }, { slug: 'fr', name: 'French' }],
      });
      expect(added.status).toBe(200);
      expect(added.body.data.map((l: any) => [l.slug, l.name, l.default, l.entries > 0])).toEqual([
        ['en', 'English', true, true],
        ['es', 'Español', false, true],
        ['fr', 'French', false, false],
      ]);
      expect(added.body.changes.map((c: any) => c.line)).toEqual([
        '~ locales.es (name "Spanish" -> "Español")',
        '+ locales.fr (French)',
      ]);
      // The default decides what /v2 answers without ?locale=.
      await admin.request('PUT', `${base}/locales`, {
        locales: [
          { slug: 'en', name: 'English' },
          { slug: 'es', name: 'Español', default: true },
          { slug: 'fr', name: 'French' },
        ],
      });
      expect((await s.get('/v2/pages/landing_page/about-us/')).body.data.fields.headline).toBe('Quiénes somos');
      // A locale without content goes without asking.
      expect(
        (await admin.request('PUT', `${base}/locales`, { locales: [en, { slug: 'es', name: 'Español' }] })).status,
      ).toBe(200);
      expect((await s.get('/v2/pages/landing_page/about-us/')).body.data.fields.headline).toBe('Who we are');
    });

    it('asks before removing a locale that holds content (409 says what is lost), then removes it with ?confirm=true', async () => {
      const refused = await admin.request('PUT', `${base}/locales`, { locales: [en] });
      expect(refused.status).toBe(409);
      expect(refused.body.detail.errors).toEqual([expect.stringMatching(/^- locales\.es \(\d+ entries\)$/)]);
      expect((await s.get('/v2/pages/landing_page/about-us/?locale=es')).status).toBe(200);
      const done = await admin.request('PUT', `${base}/locales?confirm=true`, { locales: [en] });
      expect(done.status).toBe(200);
      expect(done.body.data).toEqual([{ ...en, entries: expect.any(Number) }]);
      expect(await s.get('/v2/pages/landing_page/about-us/?locale=es')).toMatchObject({
        status: 400,
        body: { detail: 'Invalid locale parameter' },
      });
    });

    it('refuses more locales than the plan allows with the 403, and bad locales with the list of problems', async () => {
      const trial = await createAccount(s.store.db, { name: 'Trial', plan: 'trial' });
      const owner = await member(s.app, s.store, trial.id, 'owner');
      const url = `/admin/api/accounts/${trial.id}/locales`;
      const four = ['en', 'es', 'fr', 'de'].map((slug) => ({ slug, name: slug }));
      expect(await owner.request('PUT', url, { locales: four })).toMatchObject({ status: 403, body: FORBIDDEN });
      expect((await owner.request('PUT', url, { locales: four.slice(0, 3) })).status).toBe(200);
      const bad = await owner.request('PUT', url, { locales: [{ slug: 'EN', name: '' }] });
      expect(bad.status).toBe(400);
      expect(bad.body.detail.errors).toEqual([
        expect.stringContaining('locales.0.slug'),
        'locales.0.name: must be a non-empty string',
      ]);
      expect((await owner.request('PUT', url, {})).body).toEqual({
        detail: { fields: { locales: ['This field is required.'] } },
        code: 'validation',
      });
    });
  });
});
