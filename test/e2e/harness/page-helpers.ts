import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
let shots: string | undefined;

/** Waits until the locator shows (within the context's default timeout). */
export const visible = (locator: Locator) => locator.first().waitFor({ state: 'visible' });

/**
 * How long the first screen after signing in to a freshly started server may take: that server's
 * first requests (its pools, caches and the dashboard's bundle all cold) once took over the 10 s
 * step time on a busy CI machine, where every later step takes well under a second.
 */
export const FIRST_SCREEN_MS = 30_000;

/** Waits for the dashboard's first screen (Pages) after signing in, within FIRST_SCREEN_MS. */
export const firstScreen = (page: Page) =>
  page
    .getByRole('heading', { name: 'Pages', level: 1 })
    .first()
    .waitFor({ state: 'visible', timeout: FIRST_SCREEN_MS });

/** Waits until the locator's text matches: a string is contained, a RegExp tested. */
export const hasText = (locator: Locator, want: string | RegExp) =>
  expect
    .poll(() => locator.first().textContent(), { timeout: 10_000 })
    .toMatch(typeof want === 'string' ? new RegExp(want.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : want);

/** Fills the sign-in form the page shows and submits it. */
export async function submitSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/**
 * Where the screenshot `name` goes: docs/screenshots only when asked (UPDATE_SCREENSHOTS=1), so
 * `npm test` leaves the work tree clean; otherwise a temporary folder, and it is still taken.
 */
export function screenshotPath(name: string): string {
  shots ??=
    process.env.UPDATE_SCREENSHOTS === '1'
      ? path.join(ROOT, 'docs', 'screenshots')
      : fs.mkdtempSync(path.join(os.tmpdir(), 'ghee-shots-'));
  fs.mkdirSync(shots, { recursive: true });
  return path.join(shots, `${name}.png`);
}
