// What every method puts on the wire (method, path, query, headers, body), seen by a real HTTP
// peer; and how answers that are not plain JSON bodies come back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Butter, { BUTTERCMS_BASE_URL, type GheeClient } from '../src/index.js';
import { rejection } from './helpers/ghee.js';
import { startPeer, type Peer, type SeenRequest } from './helpers/peer.js';

let peer: Peer;
let client: GheeClient;
beforeAll(async () => {
  peer = await startPeer((req: SeenRequest) => {
    if (req.url.startsWith('/v2/html/')) return { status: 200, body: '<!doctype html><p>a web page</p>' };
    if (req.method === 'DELETE') return { status: 204 };
    return {
      status: req.method === 'GET' ? 200 : 202,
      headers: { 'x-request-id': 'r1' },
      body: req.method === 'GET' ? { data: [] } : { status: 'pending' },
    };
  });
  client = Butter('READ', { baseUrl: `${peer.baseUrl}/`, writeToken: 'WRITE' });
});
afterAll(async () => {
  await peer?.close();
});

/** The one request `call` made, as `METHOD /path?query`. */
async function wire(call: () => Promise<unknown>): Promise<SeenRequest & { line: string }> {
  const before = peer.requests.length;
  await call();
  expect(peer.requests.length).toBe(before + 1);
  const req = peer.requests.at(-1)!;
  return { ...req, line: `${req.method} ${req.url}` };
}

describe('reads: GET, the token in the query as buttercms v3 sends it, no custom headers', () => {
  it.each<[string, () => Promise<unknown>, string]>([
    [
      'page.retrieve',
      () => client.page.retrieve('landing_page', 'launch', { levels: 3, locale: 'es' }),
      '/v2/pages/landing_page/launch/?levels=3&locale=es',
    ],
    ['page.retrieve *', () => client.page.retrieve('*', 'homepage'), '/v2/pages/*/homepage/?'],
    [
      'page.list',
      () => client.page.list('landing_page', { 'fields.seo.title': 'A b', order: '-priority', page: 2 }),
      '/v2/pages/landing_page/?fields.seo.title=A+b&order=-priority&page=2',
    ],
    [
      'page.search',
      () => client.page.search('ghee', { page_type: 'landing_page' }),
      '/v2/pages/search/?page_type=landing_page&query=ghee',
    ],
    [
      'content.retrieve',
      () => client.content.retrieve(['brands', 'categories'], { limit: 5, offset: 0 }),
      '/v2/content/brands,categories/?limit=5&offset=0',
    ],
    [
      'post.list',
      () => client.post.list({ exclude_body: true, tag_slug: 'news', author_slug: undefined }),
      '/v2/posts/?exclude_body=true&tag_slug=news',
    ],
    ['post.retrieve', () => client.post.retrieve('hello-world', { preview: 1 }), '/v2/posts/hello-world/?preview=1'],
    ['post.search', () => client.post.search('butter', { page_size: 3 }), '/v2/posts/search/?page_size=3&query=butter'],
    ['author.list', () => client.author.list({ include: 'recent_posts' }), '/v2/authors/?include=recent_posts'],
    ['author.retrieve', () => client.author.retrieve('jane-doe'), '/v2/authors/jane-doe/?'],
    ['category.list', () => client.category.list(), '/v2/categories/?'],
    [
      'category.retrieve',
      () => client.category.retrieve('food', { include: 'recent_posts' }),
      '/v2/categories/food/?include=recent_posts',
    ],
    ['tag.list', () => client.tag.list(), '/v2/tags/?'],
    ['tag.retrieve', () => client.tag.retrieve('news'), '/v2/tags/news/?'],
    [
      'feed.retrieve',
      () => client.feed.retrieve('atom', { category_slug: 'food' }),
      '/v2/feeds/atom/?category_slug=food',
    ],
  ])('%s', async (_name, call, expected) => {
    const req = await wire(call);
    const sep = expected.endsWith('?') ? '' : '&';
    expect(req.line).toBe(`GET ${expected}${sep}auth_token=READ`);
    expect(req.headers.accept).toBe('application/json');
    expect(req.headers.authorization).toBeUndefined();
    expect(req.headers['content-type']).toBeUndefined();
    expect(req.headers['x-butter-client']).toBeUndefined();
  });

  it('slugs are one path segment whatever they hold; an empty one is refused before sending', async () => {
    expect((await wire(() => client.page.retrieve('landing_page', 'a/b?c#d'))).url).toBe(
      '/v2/pages/landing_page/a%2Fb%3Fc%23d/?auth_token=READ',
    );
    await expect(client.post.retrieve('')).rejects.toThrow(TypeError);
    await expect(client.page.retrieve('..', 'x')).rejects.toThrow(TypeError);
    await expect(client.content.retrieve([])).rejects.toThrow('content.retrieve needs at least one collection key');
  });
});

describe('writes: the write token in the Authorization header, JSON bodies', () => {
  it.each<[string, () => Promise<unknown>, string, unknown]>([
    [
      'page.create',
      () =>
        client.page.create({ title: 'T', slug: 't', page_type: 'landing_page', fields: { a: 1 } }, { locale: 'es' }),
      'POST /v2/pages/?locale=es',
      { title: 'T', slug: 't', page_type: 'landing_page', fields: { a: 1 } },
    ],
    [
      'page.update',
      () => client.page.update('landing_page', 't', { status: 'published' }),
      'PATCH /v2/pages/landing_page/t/',
      { status: 'published' },
    ],
    [
      'page.delete',
      () => client.page.delete('landing_page', 't', { force: true }),
      'DELETE /v2/pages/landing_page/t/?force=true',
      '',
    ],
    [
      'content.create',
      () => client.content.create('brands', { status: 'draft', fields: [{ name: 'A' }] }),
      'POST /v2/content/',
      { key: 'brands', status: 'draft', fields: [{ name: 'A' }] },
    ],
    [
      'content.update',
      () => client.content.update('brands', 3, { fields: { name: 'B' } }),
      'PATCH /v2/content/brands/3/',
      { fields: { name: 'B' } },
    ],
    [
      'content.replace',
      () => client.content.replace('brands', 3, { fields: { name: 'C' } }),
      'PUT /v2/content/brands/3/',
      { fields: { name: 'C' } },
    ],
    ['content.delete', () => client.content.delete('brands', 3), 'DELETE /v2/content/brands/3/', ''],
    [
      'post.create',
      () => client.post.create({ title: 'P', slug: 'p', tags: ['News'] }),
      'POST /v2/posts/',
      { title: 'P', slug: 'p', tags: ['News'] },
    ],
    ['post.update', () => client.post.update('p', { summary: 'S' }), 'PATCH /v2/posts/p/', { summary: 'S' }],
    ['post.delete', () => client.post.delete('p'), 'DELETE /v2/posts/p/', ''],
  ])('%s', async (_name, call, line, body) => {
    const req = await wire(call);
    expect(req.line).toBe(line);
    expect(req.headers.authorization).toBe('Token WRITE');
    expect(req.headers['content-type']).toBe(body === '' ? undefined : 'application/json');
    expect(req.body === '' ? '' : JSON.parse(req.body)).toEqual(body);
  });

  it('without writeToken, writes use the token the client was made with', async () => {
    const one = Butter('ONLY', { baseUrl: peer.baseUrl });
    expect((await wire(() => one.post.delete('p'))).headers.authorization).toBe('Token ONLY');
  });
});

describe('answers', () => {
  it('{ data, status, statusText, headers } with lowercase header names; 204 gives data null', async () => {
    const res = await client.tag.list();
    expect(res).toEqual({
      data: { data: [] },
      status: 200,
      statusText: 'OK',
      headers: expect.objectContaining({ 'x-request-id': 'r1' }),
    });
    expect(await client.page.delete('x', 'y')).toMatchObject({ status: 204, data: null });
  });

  it('a 200 that is not JSON (a baseUrl reaching a web page) is INVALID_RESPONSE', async () => {
    const lost = Butter('t', { baseUrl: `${peer.baseUrl}/html` });
    const error = await rejection(lost.page.retrieve('*', 'homepage'));
    expect(error).toMatchObject({
      status: 200,
      code: 'INVALID_RESPONSE',
      detail: 'Expected a JSON answer, got text/html; check baseUrl',
    });
  });

  it('the default base URL is ButterCMS itself; bad options are refused at once', () => {
    expect(BUTTERCMS_BASE_URL).toBe('https://api.buttercms.com/v2');
    expect(() => Butter('t', { timeout: -1 })).toThrow('timeout must be a number >= 0');
    expect(() => Butter('t', { maxRetries: Number.NaN })).toThrow('maxRetries');
  });
});
