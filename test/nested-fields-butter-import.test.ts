import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { loadConfig } from '../src/config.js';
import { exportSchema } from '../src/content/schema/export-schema.js';
import { inferSchema } from '../src/migrate-butter/infer-schema.js';
import { createServer } from '../src/server.js';
import { openStore } from '../src/store/database.js';
import { migrateToLatest } from '../src/store/migrate.js';
import { createTestDatabase, DIALECTS, type DialectUnderTest } from './helpers/databases.js';
import { PNG } from './helpers/media-fixture.js';

// Issue 17, item 1: `ghee import-butter` of ButterCMS's sample landing page, served as ButterCMS
// answers it (levels=1: references as API URIs) by a local fake ButterCMS. The repeaters inside
// the picked components, their media and the references in their rows all come across.

const TARGET_URL = 'http://ghee.test';
const TOKEN = 'butter-read-token';

/** The sample page as ButterCMS's Content API v2 reads it at levels=1; `origin` serves its media. */
function samplePage(origin: string) {
  return {
    slug: 'landing-page-with-components',
    name: 'Landing Page with Components',
    page_type: 'landing-page',
    status: 'published',
    published: '2021-03-01T18:55:24.530396Z',
    updated: '2021-03-02T09:10:11.123456Z',
    fields: {
      seo: { title: 'Landing page', description: 'A page built of components' },
      body: [
        {
          type: 'hero',
          fields: {
            headline: 'Headless CMS',
            subheadline: 'Fast to build with',
            image: `${origin}/media/hero.png`,
            button_label: 'Start',
            button_url: '/start',
            scroll_anchor_id: 'home',
          },
        },
        {
          type: 'two_column_with_image',
          fields: {
            headline: 'Why us',
            subheadline: '<p>Because it <strong>works</strong></p>',
            button_label: 'More',
            button_url: '/why',
            image: `${origin}/media/hero.png`,
            image_position: 'left',
            scroll_anchor_id: 'why',
          },
        },
        {
          type: 'features',
          fields: {
            headline: 'Features',
            subheadline: 'What you get',
            scroll_anchor_id: 'features',
            features: [
              {
                headline: 'Fast',
                description: '<p>Quick <script>alert(1)</script>load times</p>',
                icon: `${origin}/media/fast.png`,
              },
              { headline: 'Easy', description: '<p>Any stack</p>', icon: `${origin}/media/easy.png` },
            ],
          },
        },
        {
          type: 'testimonials',
          fields: {
            headline: 'What they say',
            scroll_anchor_id: 'testimonials',
            testimonial: [
              {
                quote: 'Butter is great',
                name: 'Maggie',
                title: 'CEO',
                customer: 'https://api.buttercms.com/v2/content/customers/7/',
              },
              {
                quote: 'So fast',
                name: 'Drew',
                title: 'CTO',
                customer: 'https://api.buttercms.com/v2/content/customers/8/',
              },
            ],
          },
        },
      ],
    },
  };
}

const customers = [
  { meta: { id: 7 }, name: 'Sasquatch', website: 'https://sasquatch.example' },
  { meta: { id: 8 }, name: 'App Partner', website: 'https://apppartner.example' },
];

/** A fake ButterCMS on 127.0.0.1: the recorded shapes of the answers the import asks for. */
async function fakeButter(): Promise<{ url: string; seen: string[]; close(): Promise<void> }> {
  const seen: string[] = [];
  let origin = '';
  const json = (res: http.ServerResponse, body: unknown) =>
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  const list = (data: unknown, count: number) => ({ meta: { previous_page: null, next_page: null, count }, data });
  const server = http.createServer((req, res) => {
    const url = new URL(req.url!, origin);
    seen.push(url.pathname);
    if (url.pathname.startsWith('/media/')) return void res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
    if (url.searchParams.get('auth_token') !== TOKEN)
      return void res.writeHead(401, { 'content-type': 'application/json' }).end('{"detail": "Invalid token."}');
    if (url.pathname === '/v2/pages/landing-page/') return json(res, list([samplePage(origin)], 1));
    if (url.pathname === '/v2/content/customers/') return json(res, list({ customers }, customers.length));
    if (url.pathname === '/v2/posts/') return json(res, list([], 0));
    if (['/v2/authors/', '/v2/categories/', '/v2/tags/'].includes(url.pathname)) return json(res, { data: [] });
    res.writeHead(404, { 'content-type': 'application/json' }).end('{"detail": "Not found"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url: origin, seen, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe.each(DIALECTS)('nested fields: import-butter of the sample landing page (%s)', (dialect: DialectUnderTest) => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  it('keeps the repeaters inside the picked components, with their media and references', async () => {
    const butter = await fakeButter();
    cleanups.push(() => butter.close());
    const database = await createTestDatabase(dialect);
    const store = openStore(database.url);
    await migrateToLatest(store);
    const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ghee-butter-media-'));
    cleanups.push(async () => {
      await store.close();
      await database.drop();
      fs.rmSync(mediaDir, { recursive: true, force: true });
    });
    const config = loadConfig(
      {},
      {
        databaseUrl: database.url,
        mediaDir,
        publicUrl: TARGET_URL,
        dataDir: '/nonexistent',
        mediaFetchAllowPrivate: true,
        logLevel: 'silent',
      },
    );
    const stdout: string[] = [];
    const stderr: string[] = [];
    const io = { out: (t: string) => void stdout.push(t), err: (t: string) => void stderr.push(t), env: {}, config };
    const code = await main(
      [
        'import-butter',
        '--token',
        TOKEN,
        '--base-url',
        `${butter.url}/v2`,
        '--page-types',
        'landing-page',
        '--collections',
        'customers',
        '--new-account',
        'Butter',
        '--json',
      ],
      io,
    );
    expect(stderr.join('\n')).not.toContain('ghee:');
    expect(code).toBe(0);
    const result = JSON.parse(stdout.join(''));
    expect(result.counts).toEqual({ entries: 3, posts: 0, media: 3 });
    // Nothing of the page was left out (before, both repeaters were: "repeaters are for pages only").
    expect(result.notes.filter((n: string) => n.includes('left out'))).toEqual([]);

    const { app } = await createServer(config, { store, logger: false });
    cleanups.push(() => app.close());
    const get = async (url: string) =>
      JSON.parse(
        (await app.inject({ method: 'GET', url, headers: { authorization: `Token ${result.read_token}` } })).body,
      );
    const doc = await exportSchema(store.db, result.account);
    expect(doc.components?.features?.fields.features).toEqual({
      type: 'repeater',
      fields: { headline: { type: 'short_text' }, description: { type: 'wysiwyg' }, icon: { type: 'media' } },
    });
    expect(doc.components?.testimonials?.fields.testimonial?.fields?.customer).toEqual({
      type: 'reference',
      to: 'collection:customers',
    });
    expect(doc.page_types?.['landing-page']?.fields.body).toEqual({
      type: 'component_picker',
      components: ['hero', 'two_column_with_image', 'features', 'testimonials'],
    });

    const page = (await get('/v2/pages/landing-page/landing-page-with-components/?levels=2')).data;
    expect(page).toMatchObject({
      slug: 'landing-page-with-components',
      published: '2021-03-01T18:55:24.530396Z',
      page_type: 'landing-page',
    });
    const [, , features, testimonials] = page.fields.body;
    expect(
      features.fields.features.map((f: { headline: string; description: string }) => [f.headline, f.description]),
    ).toEqual([
      ['Fast', '<p>Quick load times</p>'],
      ['Easy', '<p>Any stack</p>'],
    ]);
    const icons = features.fields.features.map((f: { icon: string }) => f.icon);
    for (const icon of icons) {
      expect(icon).toMatch(new RegExp(`^${TARGET_URL}/media/[0-9a-f]{64}\\.png$`));
      expect(fs.existsSync(path.join(mediaDir, icon.slice(`${TARGET_URL}/media/`.length)))).toBe(true);
    }
    expect(
      testimonials.fields.testimonial.map((t: { name: string; customer: { name: string } }) => [
        t.name,
        t.customer.name,
      ]),
    ).toEqual([
      ['Maggie', 'Sasquatch'],
      ['Drew', 'App Partner'],
    ]);
    // At levels=1 the rows name their targets by URI, as ButterCMS does.
    const customer = (await get('/v2/pages/landing-page/landing-page-with-components/?levels=1')).data.fields.body[3]
      .fields.testimonial[0].customer;
    expect(customer).toMatch(new RegExp(`^${TARGET_URL}/v2/content/customers/\\d+/$`));
    expect(butter.seen).toContain('/media/fast.png');
  });
});

describe('nested fields: inferring structures where ButterCMS sources rarely have them', () => {
  it('keeps structures inside repeater rows and components in collection items; leaves out a repeater in a collection, naming the rule', () => {
    const entry = (type: string, fields: Record<string, unknown>, sourceId: number | null = null) => ({
      type,
      slug: sourceId === null ? 'p' : null,
      sourceId,
      locales: new Map([
        [
          'en',
          {
            published:
              sourceId === null ? { slug: 'p', page_type: 'lp', fields } : { meta: { id: sourceId }, ...fields },
          },
        ],
      ]),
    });
    const { doc, notes } = inferSchema(
      [
        entry('page_type:lp', { rows: [{ title: 'x', links: [{ url: 'a' }], box: { w: 1 } }] }),
        entry('collection:items', { name: 'n', address: { street: 's' }, rows: [{ q: 'x' }] }, 1),
      ],
      undefined,
    );
    expect(notes).toEqual([
      'collections.items.fields.rows: left out: a collection cannot hold repeater fields; repeaters are for pages and components',
    ]);
    expect(Object.keys(doc.page_types?.lp?.fields.rows?.fields ?? {})).toEqual(['title', 'links', 'box']);
    expect(Object.keys(doc.collections?.items?.fields ?? {})).toEqual(['name', 'address']);
  });
});
