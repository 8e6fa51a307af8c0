// End-to-end tests of the dashboard (issue 9): playwright-core drives Debian's Chromium against a
// real `ghee start` on port 0 with a fresh database. In CI a missing browser fails the run.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BIN } from '../helpers/process.js';
import { ConsoleErrors, launchChromium, localPage, withChromium } from './harness/chromium.js';
import { startForBrowser, type BrowserServer } from './harness/ghee-start.js';
import { hasText, screenshotPath, submitSignIn, visible } from './harness/page-helpers.js';

const PASSWORDS = { admin: 'admin-password-e2e', editor: 'editor-password-e2e', viewer: 'viewer-password-e2e' } as const;

withChromium('dashboard end-to-end tests', () => {
  describe('dashboard end to end', () => {
    let ghee: BrowserServer;
    let base: string;
    let demo: { account_id: number; read_token: string; admin_email: string; admin_password: string };
    let browser: Browser;
    const errors = new ConsoleErrors();
    /** Console errors a step expects (a refused save logs its 400 as "Failed to load resource"). */
    const expected = errors.expected;

    beforeAll(async () => {
      // WEBHOOK_ALLOW_PRIVATE: the webhook step's receiver listens on 127.0.0.1.
      ghee = await startForBrowser('ghee-e2e-', { WEBHOOK_ALLOW_PRIVATE: 'true' });
      base = ghee.base;
      demo = JSON.parse(fs.readFileSync(path.join(ghee.dataDir, 'demo-credentials.json'), 'utf8'));
      // A member of each role below the owner, through the CLI (the server keeps running).
      for (const role of ['admin', 'editor', 'viewer'] as const) {
        const made = spawnSync(process.execPath, [BIN, 'user', 'create', '--email', `${role}@demo.invalid`, '--role', role, '--account', String(demo.account_id), '--password', PASSWORDS[role]], { env: ghee.env, encoding: 'utf8' });
        if (made.status !== 0) throw new Error(`ghee user create failed: ${made.stderr}`);
      }
      browser = await launchChromium();
    }, 90_000);

    afterAll(async () => {
      await browser?.close();
      await ghee?.stop();
    });

    const newPage = (width?: number, height?: number) => localPage(browser, base, errors, width, height);

    async function signIn(page: Page, email: string, password: string): Promise<void> {
      await page.goto('/admin/');
      await submitSignIn(page, email, password);
      await visible(page.getByRole('heading', { name: 'Pages', level: 1 }));
    }

    const shot = (page: Page, name: string) => page.screenshot({ path: screenshotPath(name), fullPage: false });
    const v2 = (url: string, token: string) => fetch(`${base}/v2${url}${url.includes('?') ? '&' : '?'}auth_token=${token}`);
    const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();

    let owner: Page;

    test('signs in as the demo owner', async () => {
      ({ page: owner } = await newPage());
      await owner.goto('/admin/');
      await visible(owner.getByRole('heading', { name: 'Sign in to Ghee' }));
      await shot(owner, 'desktop-sign-in');
      await signIn(owner, demo.admin_email, demo.admin_password);
      await visible(owner.getByRole('link', { name: 'Launch' }).first());
      await shot(owner, 'desktop-pages');
    });

    test('creates a page type with the field editor, after reviewing the diff', async () => {
      await nav(owner, 'Content Types');
      await owner.getByLabel('Kind').selectOption('page_types');
      await owner.getByLabel('Name', { exact: true }).fill('Article');
      await owner.getByLabel('Key', { exact: true }).fill('article');
      await owner.getByRole('button', { name: 'Add', exact: true }).click();
      await visible(owner.getByRole('heading', { name: /Article/, level: 2 }));
      await owner.getByLabel('New field key').fill('headline');
      await owner.getByRole('button', { name: 'Add field' }).click();
      await owner.locator('[data-field-key="headline"]').getByLabel('Required').check();
      await owner.getByLabel('New field key').fill('body');
      await owner.getByLabel('Type', { exact: true }).selectOption('wysiwyg');
      await owner.getByRole('button', { name: 'Add field' }).click();
      await owner.getByRole('button', { name: 'Review changes' }).click();
      const diff = owner.getByTestId('schema-diff');
      await hasText(diff, '+ page_types.article');
      await shot(owner, 'desktop-content-types');
      await owner.getByRole('button', { name: 'Save schema' }).click();
      await visible(owner.getByRole('status').filter({ hasText: 'Saved' }));
    });

    test('creates a page in two locales, shows field errors beside fields, publishes it and reads it through /v2', async () => {
      await nav(owner, 'Pages');
      await owner.getByRole('link', { name: 'New page' }).click();
      await owner.getByLabel('Page type').selectOption('article');
      await owner.getByLabel('Title').fill('Hello world');
      await expect.poll(() => owner.getByLabel('Slug').inputValue()).toBe('hello-world');
      expected.push(/status of 400/);
      await owner.getByRole('button', { name: 'Publish' }).click();
      const headlineField = owner.locator('[data-field="headline"]');
      await hasText(headlineField.locator('.field-error'), /This field is required/);
      await expect.poll(() => owner.getByLabel(/Headline/).getAttribute('aria-invalid')).toBe('true');
      await shot(owner, 'desktop-field-errors');
      await owner.getByLabel(/Headline/).fill('Hello');
      await owner.getByRole('textbox', { name: 'Body' }).click();
      await owner.keyboard.type('Written in the dashboard.');
      await owner.getByRole('button', { name: 'Publish' }).click();
      await expect.poll(() => owner.url()).toMatch(/\/admin\/pages\/article\/hello-world/);
      await hasText(owner.getByTestId('page-status'), 'published');
      await owner.getByRole('navigation', { name: 'Locale' }).getByRole('link', { name: /Spanish/ }).click();
      await hasText(owner.getByTestId('page-status'), /not written in es/);
      await owner.getByLabel(/Headline/).fill('Hola');
      await owner.getByRole('button', { name: 'Publish' }).click();
      await hasText(owner.getByTestId('page-status'), 'published');
      await shot(owner, 'desktop-page-editor');

      const en = await v2('/pages/article/hello-world/', demo.read_token);
      expect(en.status).toBe(200);
      const enBody = (await en.json()) as { data: { name: string; fields: { headline: string; body: string } } };
      expect(enBody.data.fields.headline).toBe('Hello');
      expect(enBody.data.fields.body).toContain('Written in the dashboard.');
      const es = await v2('/pages/article/hello-world/?locale=es', demo.read_token);
      expect(((await es.json()) as { data: { fields: { headline: string } } }).data.fields.headline).toBe('Hola');
    });

    test('rotates the read token: the old one gets 401 Invalid token', async () => {
      await nav(owner, 'API Tokens');
      const last4 = demo.read_token.slice(-4);
      await owner.getByRole('button', { name: `Rotate read token ending in ${last4}` }).click();
      const fresh = owner.getByTestId('new-token');
      await hasText(fresh, '•');
      await owner.getByRole('button', { name: 'Reveal' }).click();
      const token = await fresh.getAttribute('data-token');
      expect(token).toMatch(/^ghee_r_[A-Za-z0-9]{32,}$/);
      await shot(owner, 'desktop-api-tokens');
      const old = await v2('/pages/article/hello-world/', demo.read_token);
      expect(old.status).toBe(401);
      expect(await old.json()).toEqual({ detail: 'Invalid token' });
      expect((await v2('/pages/article/hello-world/', token!)).status).toBe(200);
      demo.read_token = token!;
    });

    test('adds a locale', async () => {
      await nav(owner, 'Localization');
      await owner.getByRole('button', { name: 'Add locale' }).click();
      await owner.getByLabel('Code').last().fill('fr');
      await owner.getByLabel('Name').last().fill('French');
      await owner.getByRole('button', { name: 'Save locales' }).click();
      await visible(owner.getByRole('status').filter({ hasText: '+ locales.fr' }));
      await shot(owner, 'desktop-localization');
      expect((await v2('/pages/article/hello-world/?locale=fr', demo.read_token)).status).toBe(404);
    });

    test('adds a webhook, sees the signing secret once and the test delivery in the log', async () => {
      const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
      const receiver = http.createServer((req, res) => {
        let body = '';
        req.on('data', (d) => (body += d));
        req.on('end', () => {
          received.push({ headers: req.headers, body });
          res.writeHead(204).end();
        });
      });
      await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
      try {
        const target = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/hooks/ghee`;
        await nav(owner, 'Webhooks');
        await visible(owner.getByRole('heading', { name: 'Webhooks', level: 1 }));
        await owner.getByLabel('Target URL').fill(target);
        await owner.getByRole('button', { name: 'Add a header' }).click();
        await owner.getByLabel('Header 1 name').fill('X-Build-Token');
        await owner.getByLabel('Header 1 value').fill('e2e-secret');
        await owner.getByRole('button', { name: 'Add webhook' }).click();
        const secret = owner.getByTestId('webhook-secret');
        await hasText(secret, '•');
        await owner.getByRole('button', { name: 'Reveal' }).click();
        expect(await secret.getAttribute('data-secret')).toMatch(/^whsec_/);
        await owner.getByRole('button', { name: 'Done' }).click();
        await owner.getByRole('button', { name: `Send test to ${target}` }).click();
        await visible(owner.getByRole('status').filter({ hasText: 'Test sent' }));
        const log = owner.getByRole('region', { name: `Delivery log of ${target}` });
        await hasText(log.locator('tbody tr'), /page\.published\s*delivered\s*1\s*HTTP 204/);
        await shot(owner, 'desktop-webhooks');
        expect(received).toHaveLength(1);
        expect(received[0]!.headers['x-build-token']).toBe('e2e-secret');
        expect(received[0]!.headers['webhook-signature']).toMatch(/^v1,/);
        expect(JSON.parse(received[0]!.body).webhook.event).toBe('page.published');
      } finally {
        await new Promise((resolve) => receiver.close(resolve));
      }
    });

    test('shows the usage chart', async () => {
      await new Promise((r) => setTimeout(r, 1500)); // usage is counted about a second behind
      await nav(owner, 'Usage & plan');
      const chart = owner.getByTestId('usage-chart');
      await visible(chart);
      expect(await chart.locator('rect.bar').count()).toBeGreaterThan(0);
      expect((await owner.getByTestId('resets').textContent())?.trim()).toBeTruthy();
      await shot(owner, 'desktop-usage');
    });

    test('writes a blog post with a rich-text body, publishes it and reads it through /v2', async () => {
      await nav(owner, 'Blog posts');
      await visible(owner.getByRole('heading', { name: 'Blog posts', level: 1 }));
      await visible(owner.getByRole('link', { name: 'Hello, world' }));
      await shot(owner, 'desktop-posts');
      await owner.getByRole('link', { name: 'New post' }).click();
      await owner.getByLabel(/^Title/).fill('Dashboard news');
      await expect.poll(() => owner.getByLabel('Slug').inputValue()).toBe('dashboard-news');
      await owner.getByRole('textbox', { name: 'Body' }).click();
      await owner.keyboard.type('Posted from the dashboard.');
      await owner.getByLabel('Categories').fill('News, Dashboard');
      await owner.getByLabel('Tags').fill('admin');
      await owner.getByLabel('Status', { exact: true }).selectOption('published');
      await owner.getByRole('button', { name: 'Save and publish' }).click();
      await expect.poll(() => owner.url()).toMatch(/\/admin\/posts\/dashboard-news/);
      await hasText(owner.getByTestId('post-status'), 'published');
      await shot(owner, 'desktop-post-editor');
      const res = await v2('/posts/dashboard-news/', demo.read_token);
      expect(res.status).toBe(200);
      const post = (await res.json()) as { data: { title: string; body: string; categories: { name: string }[] } };
      expect(post.data.title).toBe('Dashboard news');
      expect(post.data.body).toContain('Posted from the dashboard.');
      expect(post.data.categories.map((c) => c.name)).toEqual(['News', 'Dashboard']);
    });

    test('uploads a PNG into the media library and lists it', async () => {
      await nav(owner, 'Media');
      await visible(owner.getByRole('heading', { name: 'Media', level: 1 }));
      const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
      await owner.getByLabel('Upload files').setInputFiles({ name: 'dot.png', mimeType: 'image/png', buffer: png });
      await visible(owner.getByRole('status').filter({ hasText: 'Uploaded' }));
      const files = owner.getByRole('list', { name: 'Media files' }).getByRole('listitem');
      await expect.poll(() => files.count()).toBe(1);
      await hasText(files, 'image/png');
      await shot(owner, 'desktop-media');
    });

    test('a viewer is refused an edit', async () => {
      const { context, page } = await newPage();
      await signIn(page, 'viewer@demo.invalid', PASSWORDS.viewer);
      await page.goto('/admin/pages/article/hello-world');
      await visible(page.getByText('you can look, but not change anything here'));
      expect(await page.getByLabel(/Headline/).isDisabled()).toBe(true);
      expect(await page.getByRole('button', { name: 'Publish' }).count()).toBe(0);
      // The server refuses the edit too, whatever the page shows.
      const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
      const session = (await (await fetch(`${base}/admin/api/session`, { headers: { cookie } })).json()) as { data: { csrf_token: string } };
      const refused = await fetch(`${base}/admin/api/accounts/${demo.account_id}/pages/article/hello-world`, {
        method: 'PUT', headers: { cookie, 'x-csrf-token': session.data.csrf_token, 'content-type': 'application/json', origin: base },
        body: JSON.stringify({ fields: { headline: 'Changed by a viewer' } }),
      });
      expect(refused.status).toBe(403);
      expect(await refused.json()).toEqual({ detail: 'You do not have permission to perform this action' });
      await context.close();
    });

    test('works on a 390 px phone screen (screenshots)', async () => {
      const { context, page } = await newPage(390, 844);
      await signIn(page, demo.admin_email, demo.admin_password);
      await shot(page, 'phone-pages');
      await page.getByRole('button', { name: 'Menu' }).click();
      await visible(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'API Tokens' }));
      await shot(page, 'phone-menu');
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Usage & plan' }).click();
      await visible(page.getByTestId('usage-chart'));
      await shot(page, 'phone-usage');
      await page.goto('/admin/pages/article/hello-world');
      await expect.poll(() => page.getByLabel(/Headline/).inputValue()).toBe('Hello');
      await shot(page, 'phone-page-editor');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await context.close();
    });

    test('logged no console errors', () => {
      expect(errors.unexpected).toEqual([]);
    });
  });
});
