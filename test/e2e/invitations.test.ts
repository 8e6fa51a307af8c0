// End-to-end test of invitations (Settings > Users and the accept page): playwright-core drives
// Debian's Chromium against a real `ghee start` on port 0. An owner invites, the link opens in a
// fresh browser, the invitee chooses a password and lands signed in on the account.
import { spawnSync } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../helpers/databases.js';
import { BIN } from '../helpers/process.js';
import { ConsoleErrors, launchChromium, localPage, withChromium } from './harness/chromium.js';
import { startForBrowser, type BrowserServer } from './harness/ghee-start.js';
import { hasText, screenshotPath, submitSignIn as signIn, visible, firstScreen } from './harness/page-helpers.js';

const OWNER = { email: 'owner.e2e@demo.invalid', password: 'owner-password-e2e' };
const EXISTING = { email: 'elsewhere@demo.invalid', password: 'elsewhere-password-e2e' };

withChromium('invitation end-to-end tests', () => {
  describe.each(DIALECTS)('invitations end to end (%s)', (dialect) => {
    let ghee: BrowserServer;
    let database: TestDatabase | undefined;
    let base: string;
    let browser: Browser;
    const errors = new ConsoleErrors();
    const expected = errors.expected;
    const tokens: string[] = [];

    beforeAll(async () => {
      if (dialect === 'postgres') database = await createTestDatabase('postgres');
      // LOG_LEVEL info: every request is logged, so the test can see that no link's token is.
      ghee = await startForBrowser('ghee-e2e-invite-', {
        LOG_LEVEL: 'info',
        SMTP_URL: undefined,
        ...(database && { DATABASE_URL: database.url }),
      });
      base = ghee.base;
      // The operator's CLI: an owner of the demo account, and a user of another account.
      const cli = (args: string[]) => {
        const made = spawnSync(process.execPath, [BIN, ...args], { env: ghee.env, encoding: 'utf8' });
        if (made.status !== 0) throw new Error(`ghee ${args.join(' ')} failed: ${made.stderr}`);
        return made.stdout;
      };
      cli([
        'user',
        'create',
        '--account',
        '1',
        '--email',
        OWNER.email,
        '--role',
        'owner',
        '--password',
        OWNER.password,
      ]);
      const other = JSON.parse(cli(['account', 'create', '--name', 'Elsewhere', '--json'])) as { id: number };
      cli([
        'user',
        'create',
        '--account',
        String(other.id),
        '--email',
        EXISTING.email,
        '--role',
        'owner',
        '--password',
        EXISTING.password,
      ]);
      browser = await launchChromium();
    }, 90_000);

    afterAll(async () => {
      await browser?.close();
      await ghee?.stop();
      await database?.drop();
    });

    const newPage = () => localPage(browser, base, errors);

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
      await firstScreen(owner);
      await owner.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
      await visible(owner.getByRole('heading', { name: 'Users', level: 1 }));
      await visible(owner.getByRole('cell', { name: OWNER.email }));
      link = await invite(owner, 'new.person@demo.invalid', 'editor');
      expect(link).toMatch(/^http:\/\/localhost:\d+\/admin\/invite\/[A-Za-z0-9_-]{43}$/);
      await hasText(owner.getByRole('region', { name: 'New invitation link' }), 'pass the link on yourself');
      await owner.getByRole('button', { name: 'Copy link' }).click();
      await visible(owner.getByRole('status').filter({ hasText: 'Copied to the clipboard.' }));
      expect(await owner.evaluate(() => navigator.clipboard.readText())).toBe(link);
      await visible(
        owner.locator('tr', { hasText: 'new.person@demo.invalid' }).getByRole('button', { name: 'Revoke' }),
      );
      if (dialect === 'sqlite') await owner.screenshot({ path: screenshotPath('desktop-users') });
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
      if (dialect === 'sqlite') await page.screenshot({ path: screenshotPath('desktop-accept-invitation') });
      await page.getByLabel('Password').fill('my very own passphrase');
      await page.getByRole('button', { name: 'Create user and join' }).click();
      await firstScreen(page);
      await expect.poll(() => page.url()).toMatch(/\/admin\/pages$/);
      await hasText(page.locator('.topbar'), 'new.person@demo.invalid');
      await hasText(page.locator('.topbar .badge'), 'editor');
      await context.close();
    });

    test('a used link is not valid any more', async () => {
      const { context, page } = await newPage();
      const token = link.slice(link.lastIndexOf('/') + 1);
      errors.allowed.push(new RegExp(`status of 404 .*/admin/api/invitations/${token}\\)$`));
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
      await firstScreen(page);
      await hasText(page.locator('.topbar .badge'), 'editor');
      await visible(page.getByRole('combobox', { name: 'Account' }));
      await context.close();
    });

    test('no link token reached the request log', () => {
      const logs = ghee.logs();
      expect(logs).toContain('/admin/invite/[redacted]');
      expect(logs).toContain('/admin/api/invitations/[redacted]/accept');
      for (const token of tokens) expect(logs).not.toContain(token);
    });

    test('logged no console errors', () => {
      expect(errors.unexpected).toEqual([]);
    });
  });
});
