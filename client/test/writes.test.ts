// page.create/update/delete and content.create/update/replace/delete against a real Ghee server:
// the write token goes in the header, each write is visible to the next read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/databases.js';
import { demoSocketServer, type SocketServer } from '../../test/helpers/socket-server.js';
import type { GheeClient } from '../src/index.js';
import { gheeClient, landingFields, rejection } from './helpers/ghee.js';
import type { BrandsItem, Collections, LandingPage } from './types/demo-cms-types.js';

describe.each(DIALECTS)('client writes against Ghee (%s)', (dialect) => {
  let server: SocketServer;
  let client: GheeClient;
  const sent: Array<{ method: string; url: URL; headers: Headers; body: string }> = [];
  beforeAll(async () => {
    server = await demoSocketServer(dialect);
    client = gheeClient(server, {
      fetch: (input, init) => {
        const body = typeof init?.body === 'string' ? init.body : '';
        sent.push({
          method: init?.method ?? 'GET',
          url: new URL(String(input)),
          headers: new Headers(init?.headers),
          body,
        });
        return fetch(input, init);
      },
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  async function brandNamed(name: string, preview = false): Promise<BrandsItem | undefined> {
    const res = await client.content.retrieve<Collections>(['brands'], {
      page_size: 100,
      ...(preview && { preview: 1 }),
    });
    return res.data.data.brands.find((b) => b.name === name);
  }

  it('page.create: 202 {status: "pending"}, the token in the Authorization header only', async () => {
    sent.length = 0;
    const res = await client.page.create<LandingPage | Record<string, unknown>>({
      title: 'Spring sale',
      slug: 'spring-sale',
      page_type: 'landing_page',
      status: 'draft',
      fields: landingFields('Spring sale'),
    });
    expect(res).toMatchObject({ status: 202, data: { status: 'pending' } });
    expect(sent[0]!.url.pathname).toBe('/v2/pages/');
    expect(sent[0]!.url.search).toBe('');
    expect(sent[0]!.headers.get('authorization')).toBe(`Token ${server.demo.write_token}`);
    expect(sent[0]!.headers.get('content-type')).toBe('application/json');
    // A draft: only preview reads see it.
    await expect(rejection(client.page.retrieve('landing_page', 'spring-sale'))).resolves.toMatchObject({
      status: 404,
    });
    const draft = await client.page.retrieve<LandingPage>('landing_page', 'spring-sale', { preview: 1 });
    expect(draft.data.data).toMatchObject({
      name: 'Spring sale',
      status: 'draft',
      fields: { headline: 'Spring sale', priority: 50 },
    });
  });

  it('page.update: PATCH changes only the sent fields, in a locale, and publishes', async () => {
    const res = await client.page.update<LandingPage>('landing_page', 'spring-sale', {
      status: 'published',
      fields: { priority: 7 },
    });
    expect(res).toMatchObject({ status: 202, data: { status: 'pending' } });
    expect(sent.at(-1)!.url.pathname).toBe('/v2/pages/landing_page/spring-sale/');
    await client.page.update(
      'landing_page',
      'spring-sale',
      { status: 'published', fields: { headline: 'Rebajas' } },
      { locale: 'es' },
    );
    const en = await client.page.retrieve<LandingPage>('landing_page', 'spring-sale');
    expect(en.data.data).toMatchObject({
      status: 'published',
      fields: { headline: 'Spring sale', priority: 7, layout: 'wide' },
    });
    const es = await client.page.retrieve<LandingPage>('landing_page', 'spring-sale', { locale: 'es' });
    expect(es.data.data.fields.headline).toBe('Rebajas');
  });

  it('page.delete: 204 with data null; the page is gone', async () => {
    const res = await client.page.delete('landing_page', 'spring-sale');
    expect(res).toEqual({ status: 204, statusText: 'No Content', data: null, headers: expect.any(Object) });
    await expect(rejection(client.page.retrieve('landing_page', 'spring-sale', { preview: 1 }))).resolves.toMatchObject(
      { status: 404 },
    );
  });

  it('page.update of a single page through *', async () => {
    await client.page.update('*', 'homepage', { fields: { headline: 'Hello again' } });
    expect((await client.page.retrieve('*', 'homepage')).data.data.fields.headline).toBe('Hello again');
  });

  it('content.create: one item per element of fields, keyed by locale when asked', async () => {
    sent.length = 0;
    const res = await client.content.create<Partial<BrandsItem>>('brands', {
      status: 'published',
      fields: [
        { name: 'Ghee Labs', founded: 2026, website: 'https://ghee.example' },
        { en: { name: 'Lang Co' }, es: { name: 'Lang Co' } },
      ],
    });
    expect(res).toMatchObject({ status: 202, data: { status: 'pending' } });
    const post = sent.find((r) => r.method === 'POST')!;
    expect(post.url.pathname).toBe('/v2/content/');
    expect(JSON.parse(post.body)).toEqual({ key: 'brands', status: 'published', fields: expect.any(Array) });
    expect(await brandNamed('Ghee Labs')).toMatchObject({
      founded: 2026,
      website: 'https://ghee.example',
      meta: { id: expect.any(Number) },
    });
    expect(await brandNamed('Lang Co')).toBeDefined();
  });

  it('content.update (PATCH) keeps the other fields; content.replace (PUT) empties them', async () => {
    sent.length = 0;
    const { id } = (await brandNamed('Ghee Labs'))!.meta;
    await client.content.update('brands', id, { fields: { founded: 1950 } });
    expect(await brandNamed('Ghee Labs')).toMatchObject({ founded: 1950, website: 'https://ghee.example' });
    await client.content.replace('brands', id, { status: 'published', fields: { name: 'Ghee Labs' } });
    expect(await brandNamed('Ghee Labs')).toMatchObject({ founded: null, website: '', logo: '' });
    expect(
      sent.filter((r) => r.method === 'PATCH' || r.method === 'PUT').map((r) => `${r.method} ${r.url.pathname}`),
    ).toEqual([`PATCH /v2/content/brands/${id}/`, `PUT /v2/content/brands/${id}/`]);
  });

  it('content.delete: 204; refused while referenced unless force', async () => {
    const { id } = (await brandNamed('Ghee Labs'))!.meta;
    expect(await client.content.delete('brands', id)).toMatchObject({ status: 204, data: null });
    expect(await brandNamed('Ghee Labs')).toBeUndefined();
    // Golden Ghee Co is the launch page's brand.
    const golden = (await brandNamed('Golden Ghee Co'))!.meta.id;
    const refused = await rejection(client.content.delete('brands', golden));
    expect(refused).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
    expect(refused.detail).toMatch(/^Cannot delete: referenced by /);
    await client.content.delete('brands', golden, { force: true });
    expect(sent.at(-1)!.url.search).toBe('?force=true');
    expect(await brandNamed('Golden Ghee Co')).toBeUndefined();
  });
});
