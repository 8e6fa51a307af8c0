// End-to-end test of invitations (Settings > Users and the accept page): playwright-core drives
// Debian's Chromium against a real `ghee start` on port 0. An owner invites, the link opens in a
// fresh browser, the invitee chooses a password and lands signed in on the account.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../helpers/databases.js';
import { BIN, kill } from '../helpers/process.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SHOTS = process.env.UPDATE_SCREENSHOTS === '1' ? path.join(ROOT, 'docs', 'screenshots') : fs.mkdtempSync(path.join(os.tmpdir(), 'ghee-shots-'));
const OWNER = { email: 'owner.e2e@demo.invalid', password: 'owner-password-e2e' };
const EXISTING = { email: 'elsewhere@demo.invalid', password: 'elsewhere-password-e2e' };

const visible = (locator: Locator) => locator.first().waitFor({ state: 'visible' });
const hasText = (locator: Locator, want: string | RegExp) =>
  expect.poll(() => locator.first().textContent(), { timeout: 10_000 }).toMatch(typeof want === 'string' ? new RegExp(want.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : want);

const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find((p) => p && fs.existsSync(p)) ?? null;

if (!executablePath) {
  test('a Chromium is installed for the invitation end-to-end tests', () => {
    throw new Error('NO CHROMIUM FOUND (looked at $CHROMIUM_PATH and /usr/bin/chromium): install it with `apt-get install -y chromium`.');
  });
} else {
  describe.each(DIALECTS)('invitations end to end (%s)', (dialect) => {
    let server: ChildProcess;
    let database: TestDatabase | undefined;
    let dataDir: string;
    let base: string;
    let logs = '';
    let browser: Browser;
    const consoleErrors: string[] = [];
    const expected: RegExp[] = [];
    const tokens: string[] = [];

    beforeAll(async () => {
      if (!fs.existsSync(path.join(ROOT, 'admin', 'dist', 'index.html'))) throw new Error('admin/dist is missing: run `npm run build` first');
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ghee-e2e-invite-'));
      // LOG_LEVEL info: every request is logged, so the test can see that no link's token is.
      const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, HOST: '127.0.0.1', LOG_LEVEL: 'info' };
      delete env.DATABASE_URL;
      if (dialect === 'postgres') {
        database = await createTestDatabase('postgres');
        env.DATABASE_URL = database.url;
      }
      delete env.PUBLIC_URL;
      delete env.SMTP_URL;
      server = spawn(process.execPath, [BIN, 'start', '--port', '0'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      server.stdout!.on('data', (d) => (logs += d));
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
      // The operator's CLI: an owner of the demo account, and a user of another account.
      const cli = (args: string[]) => {
        const made = spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8' });
        if (made.status !== 0) throw new Error(`ghee ${args.join(' ')} failed: ${made.stderr}`);
        return made.stdout;
      };
      cli(['user', 'create', '--account', '1', '--email', OWNER.email, '--role', 'owner', '--password', OWNER.password]);
      const other = JSON.parse(cli(['account', 'create', '--name', 'Elsewhere', '--json'])) as { id: number };
      cli(['user', 'create', '--account', String(other.id), '--email', EXISTING.email, '--role', 'owner', '--password', EXISTING.password]);
      browser = await chromium.launch({
        executablePath: executablePath!,
        headless: true,
        args: [
          '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
          '--disable-component-update', '--disable-sync', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
        ],
      });
      fs.mkdirSync(SHOTS, { recursive: true });
    }, 90_000);

    afterAll(async () => {
      await browser?.close();
      if (server) await kill(server);
      await database?.drop();
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    });

    /** A fresh browser context (its own cookies) that reaches only the local server. */
    async function newPage(): Promise<{ context: BrowserContext; page: Page }> {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, baseURL: base });
      await context.route('**/*', (route) => {
        const host = new URL(route.request().url()).hostname;
        return host === '127.0.0.1' || host === 'localhost' ? route.continue() : route.abort();
      });
      context.setDefaultTimeout(10_000);
      const page = await context.newPage();
      page.on('console', (msg) => {
        if (msg.type() !== 'error') return;
        const i = expected.findIndex((re) => re.test(msg.text()));
        if (i >= 0) expected.splice(i, 1);
        else consoleErrors.push(`${msg.text()} (${msg.location().url})`);
      });
      page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));
      return { context, page };
    }

    async function signIn(page: Page, email: string, password: string): Promise<void> {
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Sign in' }).click();
    }

    /** Invites from Settings > Users; answers the link the screen shows once. */
    async function invite(page: Page, email: string, role: string): Promise<string> {
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Role', { exact: true }).selectOption(role);
      await page.getByRole('button', { name: 'Invite', exact: true }).click();
      const link = page.getByTestId('invitation-link');
      await hasText(link, '/admin/invite/');
      const text = (await link.textContent())!;
      tokens.push(text.split('/').pop()!);
      return text;
    }

    let owner: Page;
    let link = '';

    test('an owner invites from Settings > Users and gets the link once, with a copy button', async () => {
      const opened = await newPage();
      owner = opened.page;
      await opened.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
      await owner.goto('/admin/');
      await signIn(owner, OWNER.email, OWNER.password);
      await visible(owner.getByRole('heading', { name: 'Pages', level: 1 }));
      await owner.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
      await visible(owner.getByRole('heading', { name: 'Users', level: 1 }));
      await visible(owner.getByRole('cell', { name: OWNER.email }));
      link = await invite(owner, 'new.person@demo.invalid', 'editor');
      expect(link).toMatch(/^http:\/\/localhost:\d+\/admin\/invite\/[A-Za-z0-9_-]{43}$/);
      await hasText(owner.getByRole('region', { name: 'New invitation link' }), 'pass the link on yourself');
      await owner.getByRole('button', { name: 'Copy link' }).click();
      await visible(owner.getByRole('status').filter({ hasText: 'Copied to the clipboard.' }));
      expect(await owner.evaluate(() => navigator.clipboard.readText())).toBe(link);
      await visible(owner.locator('tr', { hasText: 'new.person@demo.invalid' }).getByRole('button', { name: 'Revoke' }));
      if (dialect === 'sqlite') await owner.screenshot({ path: path.join(SHOTS, 'desktop-users.png') });
    });

    test('the link, in a fresh browser: the invitee sets a password and lands signed in on the account', async () => {
      const { context, page } = await newPage();
      await page.goto(link);
      await visible(page.getByRole('heading', { name: 'Join Demo' }));
      await hasText(page.locator('form'), /invited new\.person@demo\.invalid to join Demo as editor/);
      await page.getByLabel('Your name').fill('New Person');
      await page.getByLabel('Password').fill('short');
      expected.push(/status of 400/);
      await page.getByRole('button', { name: 'Create user and join' }).click();
      await hasText(page.locator('.field-error'), 'A password needs at least 8 characters');
      if (dialect === 'sqlite') await page.screenshot({ path: path.join(SHOTS, 'desktop-accept-invitation.png') });
      await page.getByLabel('Password').fill('my very own passphrase');
      await page.getByRole('button', { name: 'Create user and join' }).click();
      await visible(page.getByRole('heading', { name: 'Pages', level: 1 }));
      await expect.poll(() => page.url()).toMatch(/\/admin\/pages$/);
      await hasText(page.locator('.topbar'), 'new.person@demo.invalid');
      await hasText(page.locator('.topbar .badge'), 'editor');
      await context.close();
    });

    test('a used link is not valid any more', async () => {
      const { context, page } = await newPage();
      expected.push(/status of 404/);
      await page.goto(link);
      await visible(page.getByRole('heading', { name: 'Invitation not valid' }));
      await context.close();
    });

    test('the owner sees the new member, changes their role, and revokes a pending invitation', async () => {
      await owner.reload();
      const row = owner.locator('tr', { hasText: 'new.person@demo.invalid' });
      await hasText(row, 'New Person');
      await row.getByLabel('Role of new.person@demo.invalid').selectOption('viewer');
      await visible(owner.getByRole('status').filter({ hasText: 'new.person@demo.invalid is now viewer.' }));
      await invite(owner, 'never.comes@demo.invalid', 'viewer');
      await owner.getByRole('button', { name: 'Revoke the invitation of never.comes@demo.invalid' }).click();
      await owner.getByRole('button', { name: 'Revoke invitation' }).click();
      await expect.poll(() => owner.locator('tr', { hasText: 'never.comes@demo.invalid' }).count()).toBe(0);
    });

    test('an existing user of another account signs in first, then accepts', async () => {
      const existingLink = await invite(owner, EXISTING.email, 'editor');
      const { context, page } = await newPage();
      await page.goto(existingLink);
      await visible(page.getByRole('heading', { name: 'Sign in to join Demo' }));
      await expect.poll(() => page.getByLabel('Email').inputValue()).toBe(EXISTING.email);
      await signIn(page, EXISTING.email, EXISTING.password);
      await page.getByRole('button', { name: 'Accept invitation' }).click();
      await visible(page.getByRole('heading', { name: 'Pages', level: 1 }));
      await hasText(page.locator('.topbar .badge'), 'editor');
      await visible(page.getByRole('combobox', { name: 'Account' }));
      await context.close();
    });

    test('no link token reached the request log', () => {
      expect(logs).toContain('/admin/invite/[redacted]');
      expect(logs).toContain('/admin/api/invitations/[redacted]/accept');
      for (const token of tokens) expect(logs).not.toContain(token);
    });

    test('logged no console errors', () => {
      expect(consoleErrors).toEqual([]);
    });
  });
}
