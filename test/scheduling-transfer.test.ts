import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postBody } from './helpers/blog.js';
import { DIALECTS } from './helpers/databases.js';
import { landingBody } from './helpers/landing-body.js';
import { ghee } from './helpers/library-archive.js';
import { at, HOUR_MS, shifted, stillClock } from './helpers/scheduling.js';
import { demoServer, type TestServer } from './helpers/server.js';

// `ghee export` / `ghee import` carry what waits (docs/api.md §13): a scheduled page and item,
// a scheduled change over a live page, and unpublish times of pages and posts. The imported
// account then applies them at their times as the source would have. (The item's archive id is
// one the import gives to another item first: it must still be imported, not merged into it.)

describe.each(DIALECTS)('scheduled content through export and import (%s)', (dialect) => {
  let source: TestServer;
  let target: TestServer;
  let dir: string;
  const clock = stillClock();
  const time = at(clock, HOUR_MS);
  const off = at(clock, 2 * HOUR_MS);
  beforeAll(async () => {
    source = await demoServer(dialect, { clock });
    target = await demoServer(dialect, { clock });
    dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ghee-schedule-archive-')), 'archive');
  });
  afterAll(async () => {
    await source?.close();
    await target?.close();
    fs.rmSync(path.dirname(dir), { recursive: true, force: true });
  });

  it('exports and imports what waits, which then happens at its time', async () => {
    const ok = async (method: 'POST' | 'PATCH', url: string, body: unknown) =>
      expect((await source.send(method, url, body)).status).toBe(202);
    await ok('POST', '/v2/pages/', { ...landingBody('soon'), status: 'scheduled', scheduled: time, unpublish_at: off });
    await ok('POST', '/v2/pages/', landingBody('changing'));
    await ok('PATCH', '/v2/pages/landing_page/changing/', {
      status: 'scheduled',
      scheduled: time,
      fields: { headline: 'Changed' },
    });
    await ok('POST', '/v2/content/brands/', { status: 'scheduled', scheduled: time, fields: [{ name: 'Soon brand' }] });
    await ok('POST', '/v2/posts/', postBody('going', { status: 'published', unpublish_at: off }));
    const run = await ghee(source, 'export', '--account', String(source.demo.id), '--out', dir);
    expect([run.code, run.stderr]).toEqual([0, '']);
    const imported = await ghee(target, 'import', dir, '--new-account', 'Copy', '--json');
    expect(imported.code).toBe(0);
    const { read_token: token } = JSON.parse(imported.stdout) as { read_token: string };

    const page = (slug: string, q = '') => target.get(`/v2/pages/landing_page/${slug}/${q}`, token);
    expect((await page('soon', '?preview=1')).body.data).toMatchObject({
      status: 'scheduled',
      scheduled: time,
      unpublish_at: off,
    });
    expect((await page('soon')).status).toBe(404);
    expect((await page('changing')).body.data.fields.headline).not.toBe('Changed');
    expect((await target.get('/v2/posts/going/?preview=1', token)).body.data.unpublish_at).toBe(off);

    clock.set(shifted(time, 1));
    expect((await page('soon')).status).toBe(200);
    expect((await page('changing')).body.data.fields.headline).toBe('Changed');
    const brands = (await target.get('/v2/content/brands/?page_size=100', token)).body.data.brands;
    expect(brands.map((b: { name: string }) => b.name)).toContain('Soon brand');
    clock.set(shifted(off, 1));
    expect((await page('soon')).status).toBe(404);
    expect((await target.get('/v2/posts/going/', token)).status).toBe(404);
  });
});
