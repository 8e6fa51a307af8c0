import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../src/accounts/accounts.js';
import { schemaCommand } from '../src/cli/schema-command.js';
import type { CliIo } from '../src/cli/io.js';
import { loadConfig } from '../src/config.js';
import { exportSchema } from '../src/content/schema/export-schema.js';
import { fillPreviewUrl } from '../src/shared/preview-url.js';
import { exportAccount } from '../src/transfer/export-account.js';
import { importArchive } from '../src/transfer/import-archive.js';
import { parseArchive } from '../src/transfer/parse-archive.js';
import { member, type AdminClient } from './helpers/admin.js';
import { DIALECTS } from './helpers/databases.js';
import { errorsOf, withFields } from './helpers/schema-document.js';
import { demoServer, type TestServer } from './helpers/server.js';

// `preview_url` in the schema document (docs/api.md §13.5): on page types, collections and the
// `blog` section, an http(s) URL template with known placeholders only; it round-trips through
// apply, the admin API's schema, `ghee schema export` and an account's export and import.

const PAGE_URL =
  'https://www.example.com/api/preview?type={page_type}&slug={slug}&locale={locale}&token={preview_token}';
const ITEM_URL = 'http://localhost:3000/preview/{key}/{id}?token={preview_token}';
const BLOG_URL = 'https://www.example.com/api/preview?post={slug}&token={preview_token}';
const PLACEHOLDERS = '{page_type}, {key}, {slug}, {id}, {locale}, {preview_token}';
const URL_LINE =
  'must be an absolute http or https URL, without spaces, such as https://www.example.com/api/preview?slug={slug}&token={preview_token}';

describe('fillPreviewUrl (src/shared/preview-url.ts)', () => {
  it('fills each placeholder URL-encoded, as often as it appears', () => {
    const filled = fillPreviewUrl('https://s.test/{locale}/{slug}?t={preview_token}&s={slug}', {
      slug: 'a b/c?d&e',
      locale: 'pt-br',
      preview_token: 'ghee_p_1_2',
    });
    expect(filled).toBe('https://s.test/pt-br/a%20b%2Fc%3Fd%26e?t=ghee_p_1_2&s=a%20b%2Fc%3Fd%26e');
  });

  it('leaves a placeholder without a value empty (absent or null), and an unknown one too', () => {
    expect(fillPreviewUrl(ITEM_URL, { key: 'brands', id: 7, preview_token: null })).toBe(
      'http://localhost:3000/preview/brands/7?token=',
    );
    expect(fillPreviewUrl('https://s.test/{nope}{constructor}/{slug}', {})).toBe('https://s.test//');
  });
});

describe('preview_url in a schema document', () => {
  const doc = (extra: Record<string, unknown>) => withFields({ title: { type: 'short_text' } }, extra);
  const typed = (url: unknown) => ({
    page_types: { p: { name: 'P', preview_url: url, fields: {} } },
  });

  it('is accepted on page types, collections and the blog, and null means none', () => {
    const accepted = doc({
      page_types: { p: { name: 'P', preview_url: PAGE_URL, fields: {} } },
      collections: {
        brands: { name: 'Brands', preview_url: ITEM_URL, fields: {} },
        c: { name: 'C', preview_url: null, fields: {} },
      },
      blog: { preview_url: BLOG_URL },
    });
    expect(errorsOf(accepted)).toEqual([]);
    expect(errorsOf({ blog: {} })).toEqual([]);
    expect(errorsOf({ blog: null })).toEqual([]);
  });

  it.for([
    ['ftp://www.example.com/{slug}', URL_LINE],
    ['//www.example.com/{slug}', URL_LINE],
    ['https:www.example.com', URL_LINE],
    ['https://', URL_LINE],
    ['', URL_LINE],
    ['javascript:alert(1)', URL_LINE],
    ['https://www.example.com/a b', URL_LINE],
    ['https://www.example.com/\n', 'must not contain control characters (NUL, line breaks, tabs)'],
    ['https://www.example.com/{draft}', `unknown placeholder {draft}; a preview URL takes ${PLACEHOLDERS}`],
    ['https://www.example.com/{}', `unknown placeholder {}; a preview URL takes ${PLACEHOLDERS}`],
    ['https://www.example.com/{Slug}', `unknown placeholder {Slug}; a preview URL takes ${PLACEHOLDERS}`],
    ['https://www.example.com/{slug', 'a brace that opens or closes no placeholder; write placeholders as {slug}'],
    ['https://www.example.com/slug}', 'a brace that opens or closes no placeholder; write placeholders as {slug}'],
    [`https://www.example.com/${'a'.repeat(1977)}`, 'must be at most 2000 characters'],
    [42, 'must be a string'],
  ] as const)('refuses %j', ([url, line]) => {
    expect(errorsOf(typed(url))).toEqual([`page_types.p.preview_url: ${line}`]);
  });

  it('takes 2000 characters, and placeholders in the host', () => {
    expect(errorsOf(typed(`https://www.example.com/${'a'.repeat(1976)}`))).toEqual([]);
    expect(errorsOf(typed('https://{locale}.example.com/{slug}'))).toEqual([]);
  });

  it('is a key of single pages too, not of components, and the blog section takes nothing else', () => {
    expect(
      errorsOf({
        components: { seo: { preview_url: PAGE_URL, fields: {} } },
        single_pages: { home: { name: 'Home', preview_url: PAGE_URL, fields: {} } },
        blog: { preview_url: 'https://x.test/{nope}', url: 'x' },
      }),
    ).toEqual([
      'components.seo.preview_url: unknown key; a content type has name, fields',
      'blog.url: unknown key; a blog section has preview_url',
      `blog.preview_url: unknown placeholder {nope}; a preview URL takes ${PLACEHOLDERS}`,
    ]);
    expect(errorsOf({ blog: 'x' })).toEqual(['blog: must be an object with a "preview_url"']);
    expect(errorsOf({ collections: { c: { name: 'C', fields: {}, preview: 'x' } } })).toEqual([
      'collections.c.preview: unknown key; a content type has name, fields, preview_url',
    ]);
  });
});

describe.each(DIALECTS)('preview_url round trips (%s)', (dialect) => {
  let s: TestServer;
  let admin: AdminClient;
  let schemaUrl: string;
  let current: any;

  beforeAll(async () => {
    s = await demoServer(dialect);
    admin = await member(s.app, s.store, s.demo.id, 'admin');
    schemaUrl = `/admin/api/accounts/${s.demo.id}/schema`;
    current = (await admin.get(schemaUrl)).body.data;
  });

  afterAll(async () => {
    await s?.close();
  });

  const withPreview = (doc: any) => ({
    ...doc,
    page_types: { ...doc.page_types, landing_page: { ...doc.page_types.landing_page, preview_url: PAGE_URL } },
    collections: { ...doc.collections, brands: { ...doc.collections.brands, preview_url: ITEM_URL } },
    blog: { preview_url: BLOG_URL },
  });

  it('lists the change in a diff, applies it, and shows it on GET', async () => {
    const next = withPreview(current);
    const diff = await admin.request('POST', `${schemaUrl}/diff`, next);
    expect(diff.body.data.map((c: { line: string }) => c.line)).toEqual([
      `~ page_types.landing_page (preview_url unset -> ${JSON.stringify(PAGE_URL)})`,
      `~ collections.brands (preview_url unset -> ${JSON.stringify(ITEM_URL)})`,
      `~ blog (preview_url unset -> ${JSON.stringify(BLOG_URL)})`,
    ]);
    const put = await admin.request('PUT', schemaUrl, next);
    expect(put.status).toBe(200);
    expect(put.body.data).toEqual(next);
    expect((await admin.get(schemaUrl)).body.data).toEqual(next);
    expect((await admin.request('POST', `${schemaUrl}/diff`, next)).body.data).toEqual([]);
  });

  it('refuses an invalid template with the schema’s 400', async () => {
    const bad = { ...current, blog: { preview_url: 'https://x.test/{post}' } };
    expect(await admin.request('PUT', schemaUrl, bad)).toMatchObject({
      status: 400,
      body: {
        code: 'invalid_schema',
        detail: { errors: [`blog.preview_url: unknown placeholder {post}; a preview URL takes ${PLACEHOLDERS}`] },
      },
    });
  });

  it('prints it with `ghee schema export`', async () => {
    const out: string[] = [];
    const io: CliIo = { out: (t) => void out.push(t), err: () => undefined, env: {}, config: loadConfig({}) };
    expect(await schemaCommand(['export', '--account', String(s.demo.id)], io, s.store)).toBe(0);
    expect(JSON.parse(out.join('\n'))).toEqual(withPreview(current));
  });

  it('travels with an account’s export into another account', async () => {
    const { files } = await exportAccount(s.store.db, s.demo.id, s.ctx.media);
    const copy = await createAccount(s.store.db, { name: 'Copy', plan: 'enterprise', locales: ['en', 'es'] });
    await importArchive(s.store, parseArchive(files), { accountId: copy.id, media: s.ctx.media });
    expect(await exportSchema(s.store.db, copy.id)).toEqual(withPreview(current));
  });

  it('is removed by a document without it', async () => {
    const put = await admin.request('PUT', schemaUrl, current);
    expect(put.body.changes.map((c: { line: string }) => c.line)).toEqual([
      `~ page_types.landing_page (preview_url ${JSON.stringify(PAGE_URL)} -> unset)`,
      `~ collections.brands (preview_url ${JSON.stringify(ITEM_URL)} -> unset)`,
      `~ blog (preview_url ${JSON.stringify(BLOG_URL)} -> unset)`,
    ]);
    expect((await admin.get(schemaUrl)).body.data).toEqual(current);
    expect(await exportSchema(s.store.db, s.demo.id)).not.toHaveProperty('blog');
  });
});
