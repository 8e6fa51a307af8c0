// The source client of `ghee import-butter`: Retry-After is honoured (and capped), pagination is
// followed to the end; the progress bar's estimate. No database needed.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ButterSource } from '../src/migrate-butter/butter-client.js';
import { eta } from '../src/migrate-butter/progress-bar.js';

describe('ButterSource', () => {
  let server: http.Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  async function serve(handler: http.RequestListener): Promise<string> {
    server = http.createServer(handler);
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2`;
  }

  it('waits as Retry-After says, then reads every page', async () => {
    const seen: string[] = [];
    let refused = false;
    const base = await serve((req, res) => {
      seen.push(req.url!);
      if (!refused) {
        refused = true;
        res
          .writeHead(429, { 'retry-after': '1', 'content-type': 'application/json' })
          .end('{"detail": "API Calls limit reached."}');
        return;
      }
      const page = Number(new URL(req.url!, 'http://x').searchParams.get('page'));
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ meta: { next_page: page < 2 ? page + 1 : null }, data: [{ slug: `p${page}` }] }));
    });
    const waits: number[] = [];
    const source = new ButterSource({ baseUrl: base, token: 'T', onWait: (s) => waits.push(s), maxWaitSeconds: 5 });
    const started = Date.now();
    expect(await source.all('/posts/')).toEqual([{ slug: 'p1' }, { slug: 'p2' }]);
    expect(waits).toEqual([1]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(seen[0]).toBe('/v2/posts/?auth_token=T&page=1&page_size=100');
    expect(seen).toHaveLength(3);
  });

  it('caps a long Retry-After', async () => {
    let calls = 0;
    const base = await serve((_req, res) => {
      calls++;
      if (calls === 1) res.writeHead(503, { 'retry-after': '86400' }).end();
      else res.writeHead(200, { 'content-type': 'application/json' }).end('{"data": []}');
    });
    const waits: number[] = [];
    await new ButterSource({ baseUrl: base, token: 'T', onWait: (s) => waits.push(s), maxWaitSeconds: 0 }).get(
      '/authors/',
    );
    expect(waits).toEqual([0]);
  });
});

describe('progress estimate', () => {
  it('extrapolates the pace so far', () => {
    expect(eta(10_000, 0.5)).toBe('ETA 10s');
    expect(eta(60_000, 0.25)).toBe('ETA 3m00s');
    expect(eta(0, 0)).toBe('ETA --');
    expect(eta(5, 1)).toBe('done');
  });
});
