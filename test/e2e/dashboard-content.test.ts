// End-to-end tests of the dashboard's content screens (issue 9): playwright-core drives Debian's
// Chromium against a real `ghee start` on port 0 with a fresh database. In CI a missing browser
// fails the run. The owner defines a page type, writes a page in two locales, a blog post and a
// media file; a viewer is refused an edit; the phone layout holds.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { withChromium } from './harness/chromium.js';
import { PASSWORDS, useDashboard } from './harness/dashboard-suite.js';
import { hasText, visible } from './harness/page-helpers.js';

withChromium('dashboard content end-to-end tests', () => {
  describe('dashboard content end to end', () => {
    const dash = useDashboard('ghee-e2e-', {}, ['admin', 'editor', 'viewer']);
    const { errors, newPage, signIn, shot, v2, nav } = dash;
    /** Console errors a step expects (a refused save logs its 400 as "Failed to load resource"). */
    const expected = errors.expected;

    let owner: Page;

    test('signs in as the demo owner', async () => {
      ({ page: owner } = await newPage());
      await owner.goto('/admin/');
      await visible(owner.getByRole('heading', { name: 'Sign in to Ghee' }));
      await shot(owner, 'desktop-sign-in');
      await signIn(owner, dash.demo.admin_email, dash.demo.admin_password);
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
      await owner
        .getByRole('navigation', { name: 'Locale' })
        .getByRole('link', { name: /Spanish/ })
        .click();
      await hasText(owner.getByTestId('page-status'), /not written in es/);
      await owner.getByLabel(/Headline/).fill('Hola');
      await owner.getByRole('button', { name: 'Publish' }).click();
      await hasText(owner.getByTestId('page-status'), 'published');
      await shot(owner, 'desktop-page-editor');

      const en = await v2('/pages/article/hello-world/', dash.demo.read_token);
      expect(en.status).toBe(200);
      const enBody = (await en.json()) as { data: { name: string; fields: { headline: string; body: string } } };
      expect(enBody.data.fields.headline).toBe('Hello');
      expect(enBody.data.fields.body).toContain('Written in the dashboard.');
      const es = await v2('/pages/article/hello-world/?locale=es', dash.demo.read_token);
      expect(((await es.json()) as { data: { fields: { headline: string } } }).data.fields.headline).toBe('Hola');
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
      const res = await v2('/posts/dashboard-news/', dash.demo.read_token);
      expect(res.status).toBe(200);
      const post = (await res.json()) as { data: { title: string; body: string; categories: { name: string }[] } };
      expect(post.data.title).toBe('Dashboard news');
      expect(post.data.body).toContain('Posted from the dashboard.');
      expect(post.data.categories.map((c) => c.name)).toEqual(['News', 'Dashboard']);
    });

    test('uploads a PNG into the media library and lists it', async () => {
      await nav(owner, 'Media');
      await visible(owner.getByRole('heading', { name: 'Media', level: 1 }));
      const png = Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
        'base64',
      );
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
      const session = (await (await fetch(`${dash.base}/admin/api/session`, { headers: { cookie } })).json()) as {
        data: { csrf_token: string };
      };
      const refused = await fetch(`${dash.base}/admin/api/accounts/${dash.demo.account_id}/pages/article/hello-world`, {
        method: 'PUT',
        headers: {
          cookie,
          'x-csrf-token': session.data.csrf_token,
          'content-type': 'application/json',
          origin: dash.base,
        },
        body: JSON.stringify({ fields: { headline: 'Changed by a viewer' } }),
      });
      expect(refused.status).toBe(403);
      expect(await refused.json()).toEqual({
        detail: 'You do not have permission to perform this action',
        code: 'forbidden',
      });
      await context.close();
    });

    test('works on a 390 px phone screen (screenshots)', async () => {
      const { context, page } = await newPage(390, 844);
      await signIn(page, dash.demo.admin_email, dash.demo.admin_password);
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
