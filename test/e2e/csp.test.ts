// The dashboard's Content-Security-Policy in a real browser (security finding 2): markup that gets
// into the page runs no inline script or event handler, and the rich-text editor runs nothing of
// the HTML the server sends, even HTML stored raw behind the write path's back. playwright-core
// drives Debian's Chromium against `ghee start` from dist/ (rebuild dist/ and admin/dist/ first).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openStore } from '../../src/store/database.js';
import { BIN, kill } from '../helpers/process.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const RAW = '<p>Raw from the server</p><img src="x" onerror="window.__pwned = \'editor\'"><a href="javascript:window.__pwned=\'link\'">link</a>';

/** What the page saw: CSP violations (recorded from the first script on) and whether anything injected ran. */
interface Seen {
  violations: { directive: string; sample: string }[];
  pwned: unknown;
}

const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find((p) => p && fs.existsSync(p));

if (!executablePath) {
  test('a Chromium is installed for the CSP browser tests', () => {
    throw new Error('NO CHROMIUM FOUND (looked at $CHROMIUM_PATH and /usr/bin/chromium): the CSP browser tests did NOT run.');
  });
} else {
  describe('dashboard Content-Security-Policy in a browser', () => {
    let server: ChildProcess;
    let dataDir: string;
    let base: string;
    let demo: { account_id: number; admin_email: string; admin_password: string };
    let browser: Browser;
    let page: Page;

    beforeAll(async () => {
      if (!fs.existsSync(path.join(ROOT, 'admin', 'dist', 'index.html'))) throw new Error('admin/dist is missing: run `npm run build` first');
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ghee-csp-'));
      const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
      delete env.DATABASE_URL;
      delete env.PUBLIC_URL;
      server = spawn(process.execPath, [BIN, 'start', '--port', '0'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
      base = await new Promise<string>((resolve, reject) => {
        let stderr = '';
        const timer = setTimeout(() => reject(new Error(`ghee start did not come up: ${stderr}`)), 30_000);
        server.stderr!.on('data', (d) => {
          stderr += d;
          const m = /listening on (http:\/\/[\d.]+:\d+)/.exec(stderr);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]!);
          }
        });
        server.once('exit', (code) => reject(new Error(`ghee start exited (${code}): ${stderr}`)));
      });
      demo = JSON.parse(fs.readFileSync(path.join(dataDir, 'demo-credentials.json'), 'utf8'));
      await storeRawHtml(path.join(dataDir, 'ghee.db'));
      browser = await chromium.launch({
        executablePath: executablePath!,
        headless: true,
        args: [
          '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
          '--disable-component-update', '--disable-sync', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
        ],
      });
      const context = await browser.newContext({ baseURL: base });
      context.setDefaultTimeout(10_000);
      // Installed by the browser itself (not an inline script), before any of the page's own.
      await context.addInitScript(() => {
        const w = window as unknown as { __violations: { directive: string; sample: string }[] };
        w.__violations = [];
        document.addEventListener('securitypolicyviolation', (e) => w.__violations.push({ directive: e.violatedDirective, sample: e.sample }));
      });
      page = await context.newPage();
      await page.goto('/admin/');
      await page.getByLabel('Email').fill(demo.admin_email);
      await page.getByLabel('Password').fill(demo.admin_password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Pages', level: 1 }).waitFor();
    }, 90_000);

    afterAll(async () => {
      await browser?.close();
      if (server) await kill(server);
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    });

    const seen = () => page.evaluate(() => {
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
      await editor.evaluate((el) => new Promise((resolve) => {
        const img = el.querySelector('img')!;
        if (img.complete) resolve(null);
        else img.addEventListener('error', resolve);
      }));
      const { violations, pwned } = await seen();
      expect(pwned).toBeUndefined();
      // DOMPurify parses the raw markup in an inert document, where Chromium already refuses (and
      // reports) the handler attribute: the policy is the wall behind the sanitiser.
      expect(violations.map((v) => v.directive).filter((d) => d !== 'script-src-attr')).toEqual([]);
    });

    test('an inline event handler put into the live page is refused, and reported', async () => {
      const before = (await seen()).violations.length;
      // Resolves once the image has failed to load, i.e. once its error event has been dispatched.
      await page.evaluate(() => new Promise((resolve) => {
        const box = document.createElement('div');
        box.innerHTML = '<img src="/admin/no-such-image.png" onerror="window.__pwned = \'handler\'">';
        box.querySelector('img')!.addEventListener('error', resolve);
        document.body.append(box);
      }));
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
}

/** Puts RAW into the demo's about-us body, in the store itself: as an older release could have left it. */
async function storeRawHtml(file: string): Promise<void> {
  const store = openStore(`sqlite:${file}`);
  try {
    const entry = await store.db.selectFrom('entries').select('id').where('slug', '=', 'about-us').executeTakeFirstOrThrow();
    for (const v of await store.db.selectFrom('entry_versions').selectAll().where('entry_id', '=', entry.id).execute()) {
      await store.db.updateTable('entry_versions').set({ fields: JSON.stringify({ ...JSON.parse(v.fields), body: RAW }) })
        .where('entry_id', '=', v.entry_id).where('locale', '=', v.locale).where('channel', '=', v.channel).execute();
    }
  } finally {
    await store.close();
  }
}
