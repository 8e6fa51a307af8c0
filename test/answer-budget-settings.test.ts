import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { DIALECTS } from './helpers/databases.js';
import { demoServer, type TestServer } from './helpers/server.js';

// The answer budget's settings (ANSWER_MAX_NODES, ANSWER_MAX_BYTES), and a budget that spans
// every part of one answer: the lists of several collection keys count together.

const nodes = (n: number) =>
  `Answer too large: it would hold more than ${n} pages and items, counting a reference each time it is expanded. Ask for fewer levels or a smaller page_size.`;
const bytes = (n: number) =>
  `Answer too large: it would be more than ${n} bytes. Ask for fewer levels, fewer fields or a smaller page_size.`;

describe('answer budget settings', () => {
  it('defaults to 20000 nodes and 16 MiB', () => {
    const config = loadConfig({});
    expect({ nodes: config.answerMaxNodes, bytes: config.answerMaxBytes }).toEqual({
      nodes: 20000,
      bytes: 16 * 1024 * 1024,
    });
  });

  it('reads ANSWER_MAX_NODES and ANSWER_MAX_BYTES', () => {
    const config = loadConfig({ ANSWER_MAX_NODES: '500', ANSWER_MAX_BYTES: '1048576' });
    expect({ nodes: config.answerMaxNodes, bytes: config.answerMaxBytes }).toEqual({ nodes: 500, bytes: 1048576 });
  });

  it.for([
    [{ ANSWER_MAX_NODES: '30001' }, 'ANSWER_MAX_NODES must be at most 30000, not "30001"'],
    [{ ANSWER_MAX_NODES: '0' }, 'ANSWER_MAX_NODES must be a positive integer, not "0"'],
    [{ ANSWER_MAX_BYTES: 'lots' }, 'ANSWER_MAX_BYTES must be a positive integer, not "lots"'],
  ] as const)('refuses %j', ([env, message]) => {
    expect(() => loadConfig(env)).toThrow(message);
  });
});

describe.each(DIALECTS)('a budget of 7 nodes (%s)', (dialect) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await demoServer(dialect, { config: { answerMaxNodes: 7 } });
  });
  afterAll(async () => s?.close());

  // Three brands, each with its category (6 nodes); two categories (2 nodes).
  it.for([
    ['/v2/content/brands/?levels=2', 200],
    ['/v2/content/categories/?levels=2', 200],
    ['/v2/content/brands,brands/?levels=2', 200],
    ['/v2/content/brands,categories/?levels=2', 400],
    ['/v2/content/?keys=categories,brands&levels=2', 400],
    ['/v2/content/brands,categories/?levels=2&page_size=1', 200],
  ] as const)('%s: %i', async ([url, status]) => {
    const res = await s.get(url);
    expect({ status: res.status, detail: res.body.detail }).toEqual({
      status,
      detail: status === 400 ? nodes(7) : undefined,
    });
  });

  it('counts a key named twice once, as the answer holds it once', async () => {
    const res = await s.get('/v2/content/brands,brands/?levels=2');
    expect(Object.keys(res.body.data)).toEqual(['brands']);
    expect(res.body.data.brands).toHaveLength(3);
  });
});

describe.each(DIALECTS)('a budget of 2000 bytes (%s)', (dialect) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await demoServer(dialect, { config: { answerMaxBytes: 2000 } });
  });
  afterAll(async () => s?.close());

  it('answers the page with its references as URIs (955 bytes)', async () => {
    const res = await s.get('/v2/pages/landing_page/launch/?levels=1');
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body).length).toBeLessThan(2000);
  });

  it.for([
    '/v2/pages/landing_page/launch/?levels=2',
    '/v2/pages/landing_page/?levels=1',
    '/v2/pages/search/?query=ghee',
  ])('refuses %s, which would be larger', async (url) => {
    expect(await s.get(url)).toMatchObject({ status: 400, body: { detail: bytes(2000) } });
  });

  it('answers a selection of the same page', async () => {
    const res = await s.get('/v2/pages/landing_page/launch/?levels=5&fields=headline,seo');
    expect({ status: res.status, fields: res.body.data.fields }).toEqual({
      status: 200,
      fields: { headline: 'Ghee has launched', seo: expect.any(Object) },
    });
  });
});
