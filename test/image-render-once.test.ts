import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../src/accounts/accounts.js';
import { DIALECTS } from './helpers/databases.js';
import { fetchImage, meanColour, storeFile, twoToneJpeg } from './helpers/images.js';
import { demoServer, type TestServer } from './helpers/server.js';

// A derivative is rendered once, whatever the number of concurrent requests or the spelling of
// the request, stored beside the original, and served from the store afterwards; a crop without
// an align keeps the file's focal point, which is part of the derivative's key.

describe.each(DIALECTS)('derivatives rendered once (%s)', (dialect) => {
  let s: TestServer;
  let photo: string;
  /** The derivatives stored for the photo. */
  const stored = () => {
    const dir = path.join(s.ctx.config.mediaDir, 'derived', photo.slice(0, 64));
    return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => !f.startsWith('.')) : [];
  };

  beforeAll(async () => {
    // Focal points are looked up on every request here, so a change shows at once.
    s = await demoServer(dialect, { config: { mediaFocalTtlMs: 0 } });
    photo = await storeFile(s, await twoToneJpeg(2000, 1500), 'jpg', 'image/jpeg');
  });
  afterAll(async () => s?.close());

  it('10 concurrent requests for one derivative render it once and get the same bytes', async () => {
    const before = s.ctx.images.renders;
    const replies = await Promise.all(
      Array.from({ length: 10 }, () => fetchImage(s, `/media/resize=width:400/output=format:webp/${photo}`)),
    );
    expect(replies.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(new Set(replies.map((r) => r.headers.etag)).size).toBe(1);
    for (const r of replies) expect(r.bytes).toEqual(replies[0]!.bytes);
    expect(s.ctx.images.renders - before).toBe(1);
    const key = `${String(replies[0]!.headers.etag).slice(1, -1)}.webp`;
    expect(stored()).toContain(key);
  });

  it('is served from the store afterwards, with no render', async () => {
    const before = s.ctx.images.renders;
    const r = await fetchImage(s, `/media/resize=width:400/output=format:webp/${photo}`);
    expect(r.status).toBe(200);
    expect(s.ctx.images.renders).toBe(before);
    const opened = await s.ctx.media.openDerived(photo, `${String(r.headers.etag).slice(1, -1)}.webp`);
    expect(opened!.size).toBe(r.bytes.length);
    await opened!.close();
  });

  it('every spelling of one request is one derivative', async () => {
    const before = s.ctx.images.renders;
    const count = stored().length;
    const urls = [
      `/media/resize=width:300/${photo}`,
      `/media/resize=w:300,f:clip/${photo}`,
      `/media/resize=fit:clip,width:300/output=quality:80/${photo}`,
      `/media/${photo}?width=300&fit=inside`,
      `/media/${photo}?fit=inside&width=300&v=2`,
      `/media/resize=width:300/${photo.slice(0, 64)}/another-label.jpg?utm=x`,
    ];
    const etags = [];
    for (const url of urls) etags.push((await fetchImage(s, url)).headers.etag);
    expect(new Set(etags).size).toBe(1);
    expect(s.ctx.images.renders - before).toBe(1);
    expect(stored().length).toBe(count + 1);
  });

  it('concurrent requests for different derivatives render each', async () => {
    const before = s.ctx.images.renders;
    const widths = [101, 102, 103, 104, 105];
    const replies = await Promise.all(widths.map((w) => fetchImage(s, `/media/${photo}?width=${w}`)));
    expect(replies.map((r) => r.image!.width)).toEqual(widths);
    expect(s.ctx.images.renders - before).toBe(widths.length);
  });

  describe('the focal point', () => {
    const cover = () => fetchImage(s, `/media/${photo}?width=100&height=300&fit=cover`);
    const setFocal = (accountId: number, x: number | null, updated: string) =>
      s.store.db
        .updateTable('media')
        .set({ focal_x: x, focal_y: x === null ? null : 0.5, updated })
        .where('account_id', '=', accountId)
        .where('name', '=', photo)
        .execute();

    beforeAll(async () => {
      await s.store.db
        .insertInto('media')
        .values({ account_id: s.demo.id, name: photo, mime: 'image/jpeg', size: 1, created: '2026-01-01T00:00:00Z' })
        .execute();
    });

    it('a crop without a focal point keeps the centre', async () => {
      const [r, , b] = await meanColour((await cover()).bytes);
      expect([Math.abs(r! - 128) < 20, Math.abs(b! - 128) < 20]).toEqual([true, true]);
    });

    it('a crop keeps the focal point, and moving it makes a new derivative', async () => {
      await setFocal(s.demo.id, 0.9, '2026-02-01T00:00:00Z');
      const right = await cover();
      expect((await meanColour(right.bytes))[2]).toBeGreaterThan(230);
      await setFocal(s.demo.id, 0.1, '2026-02-02T00:00:00Z');
      const left = await cover();
      expect((await meanColour(left.bytes))[0]).toBeGreaterThan(230);
      expect(left.headers.etag).not.toBe(right.headers.etag);
    });

    it('an explicit align, or no crop, takes no focal point', async () => {
      const align = `/media/resize=width:100,height:300,fit:crop,align:center/${photo}`;
      const clip = `/media/${photo}?width=100&height=300`;
      const before = [(await fetchImage(s, align)).headers.etag, (await fetchImage(s, clip)).headers.etag];
      await setFocal(s.demo.id, 0.95, '2026-02-03T00:00:00Z');
      expect([(await fetchImage(s, align)).headers.etag, (await fetchImage(s, clip)).headers.etag]).toEqual(before);
    });

    it('with the file in two accounts, the newest description wins', async () => {
      const other = await createAccount(s.store.db, { name: 'Other', plan: 'enterprise' });
      await s.store.db
        .insertInto('media')
        .values({ account_id: other.id, name: photo, mime: 'image/jpeg', size: 1, created: '2026-01-01T00:00:00Z' })
        .execute();
      await setFocal(s.demo.id, 0.05, '2026-03-01T00:00:00Z');
      await setFocal(other.id, 0.95, '2026-03-02T00:00:00Z');
      expect((await meanColour((await cover()).bytes))[2]).toBeGreaterThan(230);
      await setFocal(s.demo.id, 0.05, '2026-03-03T00:00:00Z');
      expect((await meanColour((await cover()).bytes))[0]).toBeGreaterThan(230);
    });
  });
});
