// The dashboard's media library (issue 18): playwright-core drives Debian's Chromium against a real
// `ghee start` (SQLite, and PostgreSQL when TEST_DATABASE_URL is set). The owner drops two images
// on the screen, sees why refused files were refused, describes a file and sets its focal point,
// finds files with the filters and the keyboard; a viewer only looks. Where-used, replace and
// delete are in media-library-uses.test.ts.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../helpers/databases.js';
import { BIN } from '../helpers/process.js';
import { ConsoleErrors, launchChromium, localPage, withChromium } from './harness/chromium.js';
import { startForBrowser, type BrowserServer } from './harness/ghee-start.js';
import { hasText, screenshotPath, submitSignIn, visible, firstScreen } from './harness/page-helpers.js';

const VIEWER = { email: 'viewer.media@demo.invalid', password: 'viewer-password-media-e2e' };
/** Small enough for a noisy 400x400 PNG to be refused as too large. */
const MAX_BYTES = 200_000;

const solid = (r: number, g: number, b: number) =>
  sharp({ create: { width: 640, height: 480, channels: 3, background: { r, g, b } } })
    .png()
    .toBuffer();

withChromium('media library end-to-end tests', () => {
  describe.each(DIALECTS)('dashboard: media library (%s)', (dialect) => {
    let database: TestDatabase | undefined;
    let ghee: BrowserServer;
    let demo: { account_id: number; admin_email: string; admin_password: string };
    let browser: Browser;
    let page: Page;
    const errors = new ConsoleErrors();

    beforeAll(async () => {
      database = dialect === 'postgres' ? await createTestDatabase('postgres') : undefined;
      ghee = await startForBrowser('ghee-e2e-media-', {
        MEDIA_MAX_BYTES: String(MAX_BYTES),
        ...(database && { DATABASE_URL: database.url }),
      });
      demo = JSON.parse(fs.readFileSync(path.join(ghee.dataDir, 'demo-credentials.json'), 'utf8'));
      const made = spawnSync(
        process.execPath,
        [BIN, 'user', 'create', '--account', String(demo.account_id), '--email', VIEWER.email].concat([
          '--role',
          'viewer',
          '--password',
          VIEWER.password,
        ]),
        { env: ghee.env, encoding: 'utf8' },
      );
      if (made.status !== 0) throw new Error(`ghee user create failed: ${made.stderr}`);
      browser = await launchChromium();
      page = await openMedia(demo.admin_email, demo.admin_password);
    }, 90_000);

    afterAll(async () => {
      await browser?.close();
      await ghee?.stop();
      await database?.drop();
    });

    async function openMedia(email: string, password: string): Promise<Page> {
      const { page: p } = await localPage(browser, ghee.base, errors);
      await p.goto('/admin/');
      await submitSignIn(p, email, password);
      await firstScreen(p);
      await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Media' }).click();
      await visible(p.getByRole('heading', { name: 'Media', level: 1 }));
      return p;
    }
    /** Drops files on the screen as a person dragging them from their desktop would. */
    const drop = (p: Page, files: { name: string; type: string; bytes: Buffer }[]) =>
      p.evaluate(
        (sent) => {
          const data = new DataTransfer();
          for (const f of sent)
            data.items.add(
              new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name, { type: f.type }),
            );
          const screen = document.querySelector('.media-library')!;
          for (const type of ['dragenter', 'dragover', 'drop'])
            screen.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
        },
        files.map((f) => ({ name: f.name, type: f.type, base64: f.bytes.toString('base64') })),
      );
    const grid = () => page.getByRole('list', { name: 'Media files' });
    const card = (name: string) => grid().getByRole('button', { name: new RegExp(name.replace('.', '\\.')) });
    const details = () => page.getByRole('dialog', { name: /\.png$/ });
    /** A file of the library as the admin API answers it, through the owner's session. */
    const apiItem = (name: string) =>
      page.evaluate(
        async ([account, n]) =>
          (await (await fetch(`/admin/api/accounts/${account}/media/${n}`)).json()).data as Record<string, any>,
        [demo.account_id, name] as const,
      );
    const storedName = async (fileName: string) => (await card(fileName).getAttribute('data-media-name'))!;

    test('two images dropped on the screen upload, each with its progress, and show in the grid', async () => {
      await drop(page, [
        { name: 'red.png', type: 'image/png', bytes: await solid(200, 30, 30) },
        { name: 'blue.png', type: 'image/png', bytes: await solid(30, 30, 200) },
      ]);
      await visible(page.getByRole('status').filter({ hasText: 'Uploaded 2 files.' }));
      const uploads = page.getByRole('region', { name: 'Uploads' });
      await hasText(uploads.locator('[data-upload="red.png"]'), 'Uploaded');
      expect(await uploads.getByRole('progressbar', { name: 'Upload of blue.png' }).getAttribute('value')).toBe('1');
      await expect.poll(() => grid().getByRole('listitem').count()).toBe(2);
      await hasText(card('red.png'), 'image/png');
      await hasText(card('red.png'), '640 × 480');
      const thumb = card('red.png').locator('img');
      expect(await thumb.getAttribute('alt')).toBe('red.png');
      expect(await thumb.getAttribute('loading')).toBe('lazy');
      expect(await thumb.getAttribute('src')).toMatch(/^\/media\/[0-9a-f]{64}.*\?preset=thumbnail$/);
      await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
      await page.screenshot({ path: screenshotPath('media-library') });
    });

    test('refused files say why, each on its own row, and the others are kept', async () => {
      errors.expected.push(/status of 413/, /status of 400/);
      const noise = await sharp(
        Buffer.alloc(400 * 400 * 3).map(() => Math.floor(Math.random() * 256)),
        {
          raw: { width: 400, height: 400, channels: 3 },
        },
      )
        .png()
        .toBuffer();
      expect(noise.length).toBeGreaterThan(MAX_BYTES);
      await page.getByLabel('Upload files').setInputFiles([
        { name: 'huge.png', mimeType: 'image/png', buffer: noise },
        { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a picture') },
      ]);
      const uploads = page.getByRole('region', { name: 'Uploads' });
      await hasText(uploads.locator('[data-upload="huge.png"]').getByRole('alert'), /too large|larger than/i);
      await hasText(
        uploads.locator('[data-upload="notes.txt"]').getByRole('alert'),
        'File type not allowed: only PNG, JPEG, GIF, WebP, AVIF, SVG, PDF, MP4, WebM and MP3.',
      );
      await visible(page.getByRole('status').filter({ hasText: '2 files were refused' }));
      expect(await grid().getByRole('listitem').count()).toBe(2);
      await uploads.getByRole('button', { name: 'Clear finished uploads' }).click();
      expect(await uploads.count()).toBe(0);
    });

    test('alt text, caption and tags are saved and still there after a reload', async () => {
      await card('red.png').click();
      await visible(details());
      await details().getByLabel('Alt text').fill('A red rectangle');
      await details().getByLabel('Caption').fill('Red, as a test');
      await details().getByLabel('Tags').fill('hero, red, hero');
      await details().getByRole('button', { name: 'Save details' }).click();
      await visible(details().getByRole('status').filter({ hasText: 'Saved.' }));
      expect(await details().getByLabel('Tags').inputValue()).toBe('hero, red');
      await page.reload();
      await visible(details());
      await expect.poll(() => details().getByLabel('Alt text').inputValue()).toBe('A red rectangle');
      expect(await details().getByLabel('Caption').inputValue()).toBe('Red, as a test');
      expect(await details().getByLabel('Tags').inputValue()).toBe('hero, red');
      const item = await apiItem(await storedName('red.png'));
      expect([item.alt, item.caption, item.tags]).toEqual(['A red rectangle', 'Red, as a test', ['hero', 'red']]);
      await page.keyboard.press('Escape');
      expect(await details().count()).toBe(0);
      expect(await card('red.png').locator('img').getAttribute('alt')).toBe('A red rectangle');
    });

    test("a refused description shows the server's message beside the field and changes nothing", async () => {
      errors.expected.push(/status of 400/);
      await card('red.png').click();
      const tags = details().getByLabel('Tags');
      await tags.fill(`hero, ${'x'.repeat(60)}`);
      await details().getByRole('button', { name: 'Save details' }).click();
      await hasText(details().locator('#media-tags-error'), 'Ensure each tag has no more than 50 characters.');
      expect(await tags.getAttribute('aria-invalid')).toBe('true');
      expect((await apiItem(await storedName('red.png'))).tags).toEqual(['hero', 'red']);
      await tags.fill('hero, red');
      await details().getByRole('button', { name: 'Close' }).click();
    });

    test('a click on the image sets the focal point, the arrow keys move it, Clear removes it', async () => {
      await card('red.png').click();
      const picker = details().getByRole('button', { name: /^Focal point/ });
      const box = (await picker.boundingBox())!;
      await picker.click({ position: { x: box.width * 0.25, y: box.height * 0.75 } });
      await visible(details().getByTestId('focal-marker'));
      await hasText(details().getByTestId('focal-value'), '25% from the left, 75% from the top');
      await page.screenshot({ path: screenshotPath('media-details') });
      await details().getByRole('button', { name: 'Save details' }).click();
      await visible(details().getByRole('status').filter({ hasText: 'Saved.' }));
      const saved = (await apiItem(await storedName('red.png'))).focal_point;
      expect(saved.x).toBeCloseTo(0.25, 1);
      expect(saved.y).toBeCloseTo(0.75, 1);
      await picker.focus();
      await page.keyboard.press('ArrowUp');
      await hasText(details().getByTestId('focal-value'), '25% from the left, 70% from the top');
      await details().getByRole('button', { name: 'Clear focal point' }).click();
      expect(await details().getByTestId('focal-marker').count()).toBe(0);
      await details().getByRole('button', { name: 'Save details' }).click();
      await visible(details().getByRole('status').filter({ hasText: 'Saved.' }));
      expect((await apiItem(await storedName('red.png'))).focal_point).toBeNull();
      await details().getByRole('button', { name: 'Close' }).click();
    });

    test('the search, type and tag filters narrow the grid', async () => {
      const count = () => grid().getByRole('listitem').count();
      await page.getByLabel('Search', { exact: true }).fill('rectangle');
      await expect.poll(count).toBe(1);
      await hasText(grid(), 'red.png');
      await page.getByLabel('Search', { exact: true }).fill('');
      await expect.poll(count).toBe(2);
      await page.getByLabel('Type', { exact: true }).selectOption('document');
      await visible(page.getByText('No files match these filters.'));
      await page.getByLabel('Type', { exact: true }).selectOption('image');
      await expect.poll(count).toBe(2);
      await page.getByLabel('Tag', { exact: true }).fill('hero');
      await expect.poll(count).toBe(1);
      await page.getByLabel('Tag', { exact: true }).fill('');
      await expect.poll(count).toBe(2);
      await page.getByLabel('Type', { exact: true }).selectOption('');
    });

    test('the grid works from the keyboard: arrows move, Enter opens, Escape returns to the tile', async () => {
      const tiles = grid().locator('button.library-card');
      const second = (await tiles.nth(1).getAttribute('data-media-name'))!;
      await tiles.first().focus();
      await page.keyboard.press('ArrowRight');
      const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-media-name'));
      await expect.poll(focused).toBe(second);
      expect(await tiles.nth(1).getAttribute('tabindex')).toBe('0');
      expect(await tiles.first().getAttribute('tabindex')).toBe('-1');
      await page.keyboard.press('Enter');
      await visible(details());
      await hasText(
        details().getByRole('heading', { level: 2 }),
        (await tiles.nth(1).locator('.media-name').textContent())!,
      );
      await page.keyboard.press('Escape');
      await expect.poll(focused).toBe(second);
      expect(page.url()).toMatch(/\/admin\/media$/);
    });

    test('a viewer sees the files and their details without any control to change them', async () => {
      const viewer = await openMedia(VIEWER.email, VIEWER.password);
      await visible(viewer.getByText('you can look, but not change anything here'));
      const list = viewer.getByRole('list', { name: 'Media files' });
      await expect.poll(() => list.getByRole('listitem').count()).toBe(2);
      expect(await viewer.getByLabel('Upload files').count()).toBe(0);
      await drop(viewer, [{ name: 'sneaky.png', type: 'image/png', bytes: await solid(0, 0, 0) }]);
      expect(await viewer.getByRole('region', { name: 'Uploads' }).count()).toBe(0);
      await list.getByRole('button', { name: /red\.png/ }).click();
      const panel = viewer.getByRole('dialog', { name: 'red.png' });
      await expect.poll(() => panel.getByLabel('Alt text').inputValue()).toBe('A red rectangle');
      expect(await panel.getByLabel('Alt text').isDisabled()).toBe(true);
      for (const control of ['Save details', 'Replace file', 'Delete file'])
        expect(await panel.getByRole('button', { name: control }).count()).toBe(0);
      expect(await panel.getByLabel('Replace file').count()).toBe(0);
      await visible(panel.getByRole('button', { name: 'Copy URL' }));
      await viewer.context().close();
    });

    test('logged no console errors', () => {
      expect(errors.unexpected).toEqual([]);
    });
  });
});
