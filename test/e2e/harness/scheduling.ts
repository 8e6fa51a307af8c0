import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';

// What the scheduling tours share: the editor's own time zone, times in it, the admin API called
// with a signed-in page's session, and the CSP violations a page saw.

/** The time zone and language the scheduling tours' browser runs in. */
export const ZONE = 'Europe/Paris';
export const ZONED = { timezoneId: ZONE, locale: 'en-GB' } as const;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A wall-clock time in ZONE `daysAhead` days from now: its calendar day (`2026-12-08`), the
 * `datetime-local` value an editor types (`2026-12-08T09:00`), and the instant as ISO UTC.
 */
export function zonedTime(daysAhead: number, time: string): { day: string; local: string; iso: string } {
  const day = new Intl.DateTimeFormat('en-CA', {
    timeZone: ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(Date.now() + daysAhead * DAY_MS);
  const local = `${day}T${time}`;
  // The wall clock read as UTC, moved back by the zone's offset then (no DST change near 09:00).
  const guess = Date.parse(`${local}:00Z`);
  const shown = new Date(guess).toLocaleString('sv-SE', { timeZone: ZONE }).replace(' ', 'T');
  return { day, local, iso: new Date(guess - (Date.parse(`${shown}Z`) - guess)).toISOString() };
}

/** The same instant in the store's form (six fractional digits), as the admin API answers it. */
export const storeForm = (iso: string) => iso.replace(/\.(\d{3})Z$/, '.$1000Z');

/** Calls the admin API with the session of the page's context, CSRF token included; answers status and body. */
export async function adminCall(
  page: Page,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: any }> {
  const session = await page.request.get('/admin/api/session');
  const csrf = ((await session.json()) as { data: { csrf_token: string } }).data.csrf_token;
  const res = await page.request.fetch(`/admin/api${path}`, {
    method,
    headers: { 'x-csrf-token': csrf, accept: 'application/json' },
    ...(body !== undefined && { data: body }),
  });
  const text = await res.text();
  return { status: res.status(), body: text ? JSON.parse(text) : null };
}

/** Records the context's CSP violations, from the first script of every page it opens on. */
export async function watchCsp(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(e.violatedDirective));
  });
}

/** Fails when the page's document saw a CSP violation. */
export async function expectNoCspViolation(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
}

/** True when the page scrolls sideways: the phone layout does not fit. */
export const overflowsSideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);
