import fs from 'node:fs';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { test } from 'vitest';

/** The Chromium to drive: CHROMIUM_PATH, else Debian's; null when neither is there. */
export function findChromium(): string | null {
  for (const candidate of [process.env.CHROMIUM_PATH, '/usr/bin/chromium'])
    if (candidate && fs.existsSync(candidate)) return candidate;
  return null;
}

/**
 * Registers `suite` when a Chromium is installed, else one failing test that says so. Reached
 * without one only in CI (vitest.config.ts leaves the browser suites out elsewhere), where no
 * browser is a failure, never a silent pass.
 */
export function withChromium(suiteName: string, suite: () => void): void {
  if (findChromium()) return suite();
  test(`a Chromium is installed for the ${suiteName}`, () => {
    throw new Error(
      `NO CHROMIUM FOUND (looked at $CHROMIUM_PATH and /usr/bin/chromium): the ${suiteName} did NOT run. Install it with \`apt-get install -y chromium\`.`,
    );
  });
}

/** Headless Chromium that resolves no host but localhost and 127.0.0.1. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium()!,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
    ],
  });
}

/** The console errors and uncaught exceptions of the pages watched, less those a step expects. */
export class ConsoleErrors {
  private readonly seen: string[] = [];
  /** Errors a step expects (a refused save logs its 400 as "Failed to load resource"), each matched once. */
  readonly expected: RegExp[] = [];
  /**
   * Errors that may come any number of times, before or after the step that allows them (a used
   * link's page may be asked for again by a screen still closing, and answers 404 each time).
   */
  readonly allowed: RegExp[] = [];

  get unexpected(): string[] {
    return this.seen.filter((line) => !this.allowed.some((re) => re.test(line)));
  }

  watch(page: Page): void {
    page.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      const i = this.expected.findIndex((re) => re.test(msg.text()));
      if (i >= 0) this.expected.splice(i, 1);
      else this.seen.push(`${msg.text()} (${msg.location().url})`);
    });
    page.on('pageerror', (error) => this.seen.push(`uncaught: ${error.message}`));
  }
}

/**
 * A fresh browser context (its own cookies) that reaches only the local server, and a page in it
 * whose errors `errors` collects; `options` adds to the context's (a time zone, a locale).
 */
export async function localPage(
  browser: Browser,
  base: string,
  errors: ConsoleErrors,
  width = 1280,
  height = 900,
  options: BrowserContextOptions = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ ...options, viewport: { width, height }, baseURL: base });
  await context.route('**/*', (route) => {
    const host = new URL(route.request().url()).hostname;
    return host === '127.0.0.1' || host === 'localhost' ? route.continue() : route.abort();
  });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  errors.watch(page);
  return { context, page };
}
