// The dashboard's Content-Security-Policy in a real browser (security finding 2): markup that gets
// into the page runs no inline script or event handler, and the rich-text editor runs nothing of
// the HTML the server sends, even HTML stored raw behind the write path's back. playwright-core
// drives Debian's Chromium against `ghee start` from dist/ (rebuild dist/ and admin/dist/ first).
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openStore } from '../../src/store/database.js';
import { launchChromium, withChromium } from './harness/chromium.js';
import { startForBrowser, type BrowserServer } from './harness/ghee-start.js';
import { firstScreen, submitSignIn } from './harness/page-helpers.js';

const RAW =
  '<p>Raw from the server</p><img src="x" onerror="window.__pwned = \'editor\'"><a href="javascript:window.__pwned=\'link\'">link</a>';

/** What the page saw: CSP violations (recorded from the first script on) and whether anything injected ran. */
interface Seen {
  violations: { directive: string; sample: string }[];
  pwned: unknown;
}

withChromium('CSP browser tests', () => {
  describe('dashboard Content-Security-Policy in a browser', () => {
    let ghee: BrowserServer;
    let demo: { account_id: number; admin_email: string; admin_password: string };
    let browser: Browser;
    let page: Page;

    beforeAll(async () => {
      ghee = await startForBrowser('ghee-csp-');
      demo = JSON.parse(fs.readFileSync(path.join(ghee.dataDir, 'demo-credentials.json'), 'utf8'));
      await storeRawHtml(path.join(ghee.dataDir, 'ghee.db'));
      browser = await launchChromium();
      const context = await browser.newContext({ baseURL: ghee.base });
      context.setDefaultTimeout(10_000);
      // Installed by the browser itself (not an inline script), before any of the page's own.
      await context.addInitScript(() => {
        const w = window as unknown as { __violations: { directive: string; sample: string }[] };
        w.__violations = [];
        document.addEventListener('securitypolicyviolation', (e) =>
          w.__violations.push({ directive: e.violatedDirective, sample: e.sample }),
        );
      });
      page = await context.newPage();
      await page.goto('/admin/');
      await submitSignIn(page, demo.admin_email, demo.admin_password);
      await firstScreen(page);
    }, 90_000);

    afterAll(async () => {
      await browser?.close();
      await ghee?.stop();
    });

    const seen = () =>
      page.evaluate(() => {
        const w = window as unknown as { __violations: Seen['violations']; __pwned?: unknown };
        return { violations: w.__violations, pwned: w.__pwned } as Seen;
      });

    test('the dashboard itself runs under the policy without a single violation', async () => {
      expect(await seen()).toEqual({ violations: [], pwned: undefined });
    });

    test('the rich-text editor shows HTML stored raw without running any of it', async () => {
      await page.goto('/admin/pages/landing_page/about-us');
      const editor = page.getByRole('textbox', { name: 'Body' });
      await expect.poll(() => editor.textContent()).toContain('Raw from the server');
      const html = await editor.evaluate((el) => el.innerHTML);
      expect(html).toContain('<img src="x">');
      expect(html).not.toMatch(/onerror|javascript:/);
      // The broken image has fired its error event: nothing was left to handle it.
      await editor.evaluate(
        (el) =>
          new Promise((resolve) => {
            const img = el.querySelector('img')!;
            if (img.complete) resolve(null);
            else img.addEventListener('error', resolve);
          }),
      );
      const { violations, pwned } = await seen();
      expect(pwned).toBeUndefined();
      // DOMPurify parses the raw markup in an inert document, where Chromium already refuses (and
      // reports) the handler attribute: the policy is the wall behind the sanitiser.
      expect(violations.map((v) => v.directive).filter((d) => d !== 'script-src-attr')).toEqual([]);
    });

    test('an inline event handler put into the live page is refused, and reported', async () => {
      const before = (await seen()).violations.length;
      // Resolves once the image has failed to load, i.e. once its error event has been dispatched.
      await page.evaluate(
        () =>
          new Promise((resolve) => {
            const box = document.createElement('div');
            box.innerHTML = '<img src="/admin/no-such-image.png" onerror="window.__pwned = \'handler\'">';
            box.querySelector('img')!.addEventListener('error', resolve);
            document.body.append(box);
          }),
      );
      const { violations, pwned } = await seen();
      expect(pwned).toBeUndefined();
      expect(violations.slice(before).map((v) => v.directive)).toContain('script-src-attr');
    });

    test('an inline script element put into the live page is refused, and reported', async () => {
      await page.evaluate(() => {
        const script = document.createElement('script');
        script.textContent = "window.__pwned = 'script'";
        document.body.append(script);
      });
      // The report is dispatched as a task of its own: wait for it.
      await expect.poll(async () => (await seen()).violations.at(-1)?.directive).toBe('script-src-elem');
      expect((await seen()).pwned).toBeUndefined();
    });
  });
});

/** Puts RAW into the demo's about-us body, in the store itself: as an older release could have left it. */
async function storeRawHtml(file: string): Promise<void> {
  const store = openStore(`sqlite:${file}`);
  try {
    const entry = await store.db
      .selectFrom('entries')
      .select('id')
      .where('slug', '=', 'about-us')
      .executeTakeFirstOrThrow();
    for (const v of await store.db
      .selectFrom('entry_versions')
      .selectAll()
      .where('entry_id', '=', entry.id)
      .execute()) {
      await store.db
        .updateTable('entry_versions')
        .set({ fields: JSON.stringify({ ...JSON.parse(v.fields), body: RAW }) })
        .where('entry_id', '=', v.entry_id)
        .where('locale', '=', v.locale)
        .where('channel', '=', v.channel)
        .execute();
    }
  } finally {
    await store.close();
  }
}
