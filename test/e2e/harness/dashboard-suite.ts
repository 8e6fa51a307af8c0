import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { BIN } from '../../helpers/process.js';
import { ConsoleErrors, launchChromium, localPage } from './chromium.js';
import { startForBrowser, type BrowserServer } from './ghee-start.js';
import { firstScreen, screenshotPath, submitSignIn } from './page-helpers.js';

// What the dashboard tours share: a real `ghee start` on a fresh database, Chromium, the demo
// credentials, and the steps every tour takes (sign in, use the main menu, read /v2, screenshots).

/** The passwords of the members below the owner that `members` adds. */
export const PASSWORDS = {
  admin: 'admin-password-e2e',
  editor: 'editor-password-e2e',
  viewer: 'viewer-password-e2e',
} as const;

type MemberRole = keyof typeof PASSWORDS;

/** What `ghee start` wrote to demo-credentials.json. */
export interface DemoCredentials {
  account_id: number;
  read_token: string;
  admin_email: string;
  admin_password: string;
}

/** The enclosing suite's server and browser, started before its tests and stopped after them. */
export interface DashboardSuite {
  ghee: BrowserServer;
  /** The server's address, e.g. http://127.0.0.1:41234. */
  base: string;
  demo: DemoCredentials;
  browser: Browser;
  /** Console errors of every page the suite opened. */
  errors: ConsoleErrors;
  /** A page in a fresh browser context (its own cookies), with `options` (a time zone, a locale). */
  newPage(
    width?: number,
    height?: number,
    options?: BrowserContextOptions,
  ): Promise<{ context: BrowserContext; page: Page }>;
  /** Signs in on the dashboard and waits for the first screen. */
  signIn(page: Page, email: string, password: string): Promise<void>;
  /** A screenshot of the visible part of the page (docs/screenshots with UPDATE_SCREENSHOTS=1). */
  shot(page: Page, name: string): Promise<Buffer>;
  /** A GET of the /v2 API with `token` in the query string. */
  v2(url: string, token: string): Promise<Response>;
  /** Follows a link of the main menu. */
  nav(page: Page, name: string): Promise<void>;
}

/**
 * Registers the hooks that start `ghee start` (data folder `tmpPrefix...`, with `env` added) and
 * Chromium for the enclosing suite; `members` are added through the CLI while the server runs.
 */
export function useDashboard(
  tmpPrefix: string,
  env: Record<string, string> = {},
  members: MemberRole[] = [],
): DashboardSuite {
  const suite = { errors: new ConsoleErrors() } as DashboardSuite;
  suite.newPage = (width, height, options) =>
    localPage(suite.browser, suite.base, suite.errors, width, height, options);
  suite.signIn = async (page, email, password) => {
    await page.goto('/admin/');
    await submitSignIn(page, email, password);
    await firstScreen(page);
  };
  suite.shot = (page, name) => page.screenshot({ path: screenshotPath(name), fullPage: false });
  suite.v2 = (url, token) => fetch(`${suite.base}/v2${url}${url.includes('?') ? '&' : '?'}auth_token=${token}`);
  suite.nav = (page, name) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();

  beforeAll(async () => {
    suite.ghee = await startForBrowser(tmpPrefix, env);
    suite.base = suite.ghee.base;
    suite.demo = JSON.parse(fs.readFileSync(path.join(suite.ghee.dataDir, 'demo-credentials.json'), 'utf8'));
    for (const role of members) {
      const made = spawnSync(
        process.execPath,
        [
          BIN,
          'user',
          'create',
          '--email',
          `${role}@demo.invalid`,
          '--role',
          role,
          '--account',
          String(suite.demo.account_id),
          '--password',
          PASSWORDS[role],
        ],
        { env: suite.ghee.env, encoding: 'utf8' },
      );
      if (made.status !== 0) throw new Error(`ghee user create failed: ${made.stderr}`);
    }
    suite.browser = await launchChromium();
  }, 90_000);
  afterAll(async () => {
    await suite.browser?.close();
    await suite.ghee?.stop();
  });
  return suite;
}
