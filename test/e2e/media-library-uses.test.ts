// The dashboard's media library, where files are used (issue 18): playwright-core drives Debian's
// Chromium against a real `ghee start` (SQLite, and PostgreSQL when TEST_DATABASE_URL is set). A
// file put into a page lists that page; replacing it moves the page to the new file; deleting it
// is refused while used, then forced; a long library loads more on request.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../helpers/databases.js';
import { ConsoleErrors, launchChromium, localPage, withChromium } from './harness/chromium.js';
import { startForBrowser, type BrowserServer } from './harness/ghee-start.js';
import { hasText, submitSignIn, visible, firstScreen } from './harness/page-helpers.js';

const png = (r: number, g: number, b: number, width = 320, height = 200) =>
  sharp({ create: { width, height, channels: 3, background: { r, g, b } } })
    .png()
    .toBuffer();

withChromium('media library where-used end-to-end tests', () => {
  describe.each(DIALECTS)('dashboard: media library uses (%s)', (dialect) => {
    let database: TestDatabase | undefined;
    let ghee: BrowserServer;
    let demo: { account_id: number; admin_email: string; admin_password: string };
    let browser: Browser;
    let page: Page;
    let hero: Record<string, any>;
    let spare: Record<string, any>;
    const errors = new ConsoleErrors();

    beforeAll(async () => {
      database = dialect === 'postgres' ? await createTestDatabase('postgres') : undefined;
      // The library's URLs are on localhost here: written back into fields as they are, no download.
      ghee = await startForBrowser('ghee-e2e-media-uses-', { ...(database && { DATABASE_URL: database.url }) });
      demo = JSON.parse(fs.readFileSync(path.join(ghee.dataDir, 'demo-credentials.json'), 'utf8'));
      browser = await launchChromium();
      ({ page } = await localPage(browser, ghee.base, errors));
      await page.goto('/admin/');
      await submitSignIn(page, demo.admin_email, demo.admin_password);
      await firstScreen(page);
      const stored = await upload([
        { name: 'hero.png', bytes: await png(250, 200, 0) },
        { name: 'spare.png', bytes: await png(0, 120, 60) },
      ]);
      expect(stored.map((f) => f.original_name)).toEqual(['hero.png', 'spare.png']);
      [hero, spare] = stored as [Record<string, any>, Record<string, any>];
    }, 90_000);

    afterAll(async () => {
      await browser?.close();
      await ghee?.stop();
      await database?.drop();
    });

    /** A call of the admin API with the owner's session, as the dashboard makes it. */
    const admin = (method: string, url: string, body: unknown = null) =>
      page.evaluate(
        async ([m, u, b]) => {
          const session = await (await fetch('/admin/api/session')).json();
          const headers: Record<string, string> = { 'x-csrf-token': session.data.csrf_token };
          if (b !== null) headers['content-type'] = 'application/json';
          const res = await fetch(`/admin/api${u}`, {
            method: m,
            headers,
            body: b === null ? null : JSON.stringify(b),
          });
          return { status: res.status, body: res.status === 204 ? null : await res.json() };
        },
        [method, url, body] as const,
      );
    const account = (rest: string) => `/accounts/${demo.account_id}${rest}`;
    /** Uploads files in one multipart request; answers the stored files. */
    async function upload(files: { name: string; bytes: Buffer }[]): Promise<Record<string, any>[]> {
      const answer = await page.evaluate(
        async ([url, sent]) => {
          const session = await (await fetch('/admin/api/session')).json();
          const form = new FormData();
          for (const f of sent)
            form.append('file', new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name));
          const headers = { 'x-csrf-token': session.data.csrf_token };
          const res = await fetch(url, { method: 'POST', headers, body: form });
          return { status: res.status, body: await res.json() };
        },
        [
          `/admin/api${account('/media')}`,
          files.map((f) => ({ name: f.name, base64: f.bytes.toString('base64') })),
        ] as const,
      );
      expect(answer.status).toBe(201);
      return answer.body.data;
    }
    const details = () => page.getByRole('dialog', { name: /\.png$/ });
    const openDetails = async (name: string) => {
      await page.goto(`/admin/media?file=${name}`);
      await visible(details());
    };
    const aboutUs = async () => (await admin('GET', account('/pages/landing_page/about-us'))).body.data.fields;

    test("a file put into a page's media field lists that page, linking to its editor", async () => {
      const put = await admin('PUT', account('/pages/landing_page/about-us'), { fields: { hero_image: hero.url } });
      expect(put).toEqual({ status: 200, body: expect.anything() });
      await openDetails(hero.name);
      const used = details().getByRole('region', { name: 'Where it is used' });
      const link = used.getByRole('link', { name: 'About us' });
      await visible(link);
      expect(await link.getAttribute('href')).toBe('/admin/pages/landing_page/about-us?locale=en');
      await hasText(used, 'hero_image');
      await link.click();
      await expect.poll(() => page.url()).toMatch(/\/admin\/pages\/landing_page\/about-us\?locale=en$/);
      await expect.poll(() => page.getByLabel(/Headline/).inputValue()).toBe('Who we are');
    });

    test('a file nobody uses says so', async () => {
      await openDetails(spare.name);
      await hasText(
        details().getByRole('region', { name: 'Where it is used' }),
        'Not used by any page, collection item or post.',
      );
    });

    test('replacing the file moves the page to the new one, keeps the description and says how many changed', async () => {
      expect((await admin('PATCH', account(`/media/${hero.name}`), { alt: 'Sunny hero' })).status).toBe(200);
      await openDetails(hero.name);
      await page.getByLabel('Replace file').setInputFiles({
        name: 'hero-v2.png',
        mimeType: 'image/png',
        buffer: await png(255, 140, 0),
      });
      await visible(
        details()
          .getByRole('status')
          .filter({ hasText: 'Replaced by hero-v2.png. 1 entry or post now uses the new file.' }),
      );
      await expect.poll(() => new URL(page.url()).searchParams.get('file')).not.toBe(hero.name);
      const replacement = new URL(page.url()).searchParams.get('file')!;
      await expect.poll(() => details().getByLabel('Alt text').inputValue()).toBe('Sunny hero');
      await visible(
        details().getByRole('region', { name: 'Where it is used' }).getByRole('link', { name: 'About us' }),
      );
      expect((await aboutUs()).hero_image).toContain(replacement.replace(/\.png$/, ''));
      hero = (await admin('GET', account(`/media/${replacement}`))).body.data;
    });

    test('deleting a used file is refused with the list of uses; Delete anyway deletes it', async () => {
      errors.expected.push(/status of 409/, /status of 404/);
      await openDetails(hero.name);
      await details().getByRole('button', { name: 'Delete file' }).click();
      const confirm = page.getByRole('dialog', { name: /^Delete/ });
      await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
      const inUse = page.getByRole('dialog', { name: 'This file is in use' });
      await visible(inUse.getByRole('link', { name: 'About us' }));
      await hasText(inUse, 'in 1 place');
      expect((await admin('GET', account(`/media/${hero.name}`))).status).toBe(200);
      await inUse.getByRole('button', { name: 'Delete anyway' }).click();
      await visible(page.getByRole('status').filter({ hasText: /^Deleted / }));
      expect(await page.getByRole('dialog').count()).toBe(0);
      expect(page.url()).toMatch(/\/admin\/media$/);
      expect((await admin('GET', account(`/media/${hero.name}`))).status).toBe(404);
      await expect.poll(() => page.getByRole('list', { name: 'Media files' }).getByRole('listitem').count()).toBe(1);
    });

    test('cancelling a delete keeps the file; an unused file is deleted at once', async () => {
      await openDetails(spare.name);
      await details().getByRole('button', { name: 'Delete file' }).click();
      await page
        .getByRole('dialog', { name: /^Delete/ })
        .getByRole('button', { name: 'Cancel' })
        .click();
      expect(await page.getByRole('dialog', { name: /^Delete/ }).count()).toBe(0);
      await visible(details());
      await details().getByRole('button', { name: 'Delete file' }).click();
      await page
        .getByRole('dialog', { name: /^Delete/ })
        .getByRole('button', { name: 'Delete', exact: true })
        .click();
      await visible(page.getByRole('status').filter({ hasText: 'Deleted spare.png.' }));
      await visible(page.getByText('No files yet.'));
    });

    test('a long library shows its first files and loads more on request', async () => {
      const many = await Promise.all(
        Array.from({ length: 26 }, async (_, i) => ({
          name: `swatch-${i}.png`,
          bytes: await png(i * 9, 40, 90, 16, 16),
        })),
      );
      expect(await upload(many.slice(0, 13))).toHaveLength(13);
      expect(await upload(many.slice(13))).toHaveLength(13);
      await page.goto('/admin/media');
      const items = page.getByRole('list', { name: 'Media files' }).getByRole('listitem');
      await expect.poll(() => items.count()).toBe(24);
      await visible(page.getByText('Showing 24 of 26 files'));
      await page.getByRole('button', { name: 'Load more' }).click();
      await expect.poll(() => items.count()).toBe(26);
      expect(await page.getByRole('button', { name: 'Load more' }).count()).toBe(0);
    });

    test('a PDF shows its extension in the grid, and a link that opens it in its panel', async () => {
      const [pdf] = await upload([{ name: 'menu.pdf', bytes: Buffer.from('%PDF-1.4\n%%EOF\n') }]);
      expect(pdf!.thumbnail_url).toBeNull();
      await page.goto('/admin/media');
      const tile = page.getByRole('list', { name: 'Media files' }).getByRole('button', { name: /menu\.pdf/ });
      await hasText(tile, 'PDF');
      expect(await tile.locator('img').count()).toBe(0);
      await tile.click();
      const link = page.getByRole('dialog', { name: 'menu.pdf' }).getByRole('link', { name: /Open the file/ });
      expect(await link.getAttribute('href')).toMatch(/^\/media\/[0-9a-f]{64}\/menu\.pdf$/);
    });

    test('logged no console errors', () => {
      expect(errors.unexpected).toEqual([]);
    });
  });
});
