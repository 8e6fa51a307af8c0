// End-to-end test of Settings > Site: playwright-core drives Debian's Chromium against a real
// `ghee start` on port 0. The demo owner sets the site address and feed title; a refused address
// shows its message beside the field; the feeds link under the site at once; a viewer only reads.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../helpers/databases.js';
import { BIN } from '../helpers/process.js';
import { ConsoleErrors, launchChromium, localPage, withChromium } from './harness/chromium.js';
import { startForBrowser, type BrowserServer } from './harness/ghee-start.js';
import { hasText, submitSignIn, visible, firstScreen } from './harness/page-helpers.js';

const VIEWER = { email: 'viewer.site@demo.invalid', password: 'viewer-password-site-e2e' };

withChromium('site settings end-to-end tests', () => {
  describe.each(DIALECTS)('Settings > Site end to end (%s)', (dialect) => {
    let ghee: BrowserServer;
    let database: TestDatabase | undefined;
    let demo: { account_id: number; read_token: string; admin_email: string; admin_password: string };
    let browser: Browser;
    const errors = new ConsoleErrors();

    beforeAll(async () => {
      if (dialect === 'postgres') database = await createTestDatabase('postgres');
      ghee = await startForBrowser('ghee-e2e-site-', database ? { DATABASE_URL: database.url } : {});
      demo = JSON.parse(fs.readFileSync(path.join(ghee.dataDir, 'demo-credentials.json'), 'utf8'));
      const made = spawnSync(
        process.execPath,
        [
          BIN,
          'user',
          'create',
          '--account',
          String(demo.account_id),
          '--email',
          VIEWER.email,
          '--role',
          'viewer',
          '--password',
          VIEWER.password,
        ],
        { env: ghee.env, encoding: 'utf8' },
      );
      if (made.status !== 0) throw new Error(`ghee user create failed: ${made.stderr}`);
      browser = await launchChromium();
    }, 90_000);

    afterAll(async () => {
      await browser?.close();
      await ghee?.stop();
      await database?.drop();
    });

    async function openSite(email: string, password: string): Promise<Page> {
      const { page } = await localPage(browser, ghee.base, errors);
      await page.goto('/admin/');
      await submitSignIn(page, email, password);
      await firstScreen(page);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Site' }).click();
      await visible(page.getByRole('heading', { name: 'Site', level: 1 }));
      return page;
    }
    const rssLink = async () => {
      const res = await fetch(`${ghee.base}/v2/feeds/rss/?auth_token=${demo.read_token}`);
      return /<link>([^<]*)<\/link>/.exec(((await res.json()) as { data: string }).data)![1];
    };

    let owner: Page;

    test('the owner sees both settings unset; the feeds link as ButterCMS writes them', async () => {
      owner = await openSite(demo.admin_email, demo.admin_password);
      expect(await owner.getByLabel('Site address').inputValue()).toBe('');
      expect(await owner.getByLabel('Feed title').inputValue()).toBe('');
      expect(await rssLink()).toBe('rss/');
    });

    test('a refused address shows its message beside the field and changes nothing', async () => {
      errors.expected.push(/status of 400/);
      await owner.getByLabel('Site address').fill('https://www.example.com/?ref=feed');
      await owner.getByRole('button', { name: 'Save site settings' }).click();
      await hasText(owner.locator('#site-url-error'), 'Enter the address without a query (?) or fragment (#).');
      expect(await owner.getByLabel('Site address').getAttribute('aria-invalid')).toBe('true');
      expect(await rssLink()).toBe('rss/');
    });

    test('saving sets both; the feeds link under the site from the next request', async () => {
      await owner.getByLabel('Site address').fill('https://www.example.com/');
      await owner.getByLabel('Feed title').fill('Ghee kitchen');
      await owner.getByRole('button', { name: 'Save site settings' }).click();
      await hasText(owner.getByRole('status'), 'Saved.');
      expect(await owner.getByLabel('Site address').inputValue()).toBe('https://www.example.com');
      expect(await rssLink()).toBe('https://www.example.com/blog/rss/');
      await owner.reload();
      await expect.poll(() => owner.getByLabel('Feed title').inputValue()).toBe('Ghee kitchen');
    });

    test('a viewer reads the settings but cannot change them', async () => {
      const page = await openSite(VIEWER.email, VIEWER.password);
      await expect.poll(() => page.getByLabel('Site address').inputValue()).toBe('https://www.example.com');
      expect(await page.getByLabel('Site address').isDisabled()).toBe(true);
      expect(await page.getByRole('button', { name: 'Save site settings' }).isDisabled()).toBe(true);
      await page.context().close();
    });

    test('logged no console errors', () => {
      expect(errors.unexpected).toEqual([]);
    });
  });
});
