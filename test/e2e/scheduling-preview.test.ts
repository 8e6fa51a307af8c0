// Preview and scheduling of items and posts in the dashboard (issue 20): playwright-core drives
// Debian's Chromium, in Europe/Paris, against a real `ghee start` (SQLite, and PostgreSQL when
// TEST_DATABASE_URL is set). The owner gives landing pages and the blog a preview URL in Content
// Types; an editor's Preview opens it in a new tab, filled, with a preview token that reads the
// draft; a collection item and a draft post are scheduled from their editors; a viewer sees the
// schedule, changes nothing.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { withChromium } from './harness/chromium.js';
import { PASSWORDS, useDashboard } from './harness/dashboard-suite.js';
import { useDialectEnv } from './harness/dialect-env.js';
import { FIRST_SCREEN_MS, hasText, visible } from './harness/page-helpers.js';
import { adminCall, expectNoCspViolation, watchCsp, ZONED, zonedTime } from './harness/scheduling.js';

/** A test that signs in waits up to FIRST_SCREEN_MS for a cold server's first screen, then does its own steps. */
const SIGNS_IN_MS = FIRST_SCREEN_MS + 30_000;

const SITE = 'https://preview.example';
const PAGE_URL = `${SITE}/api/preview?type={page_type}&slug={slug}&locale={locale}&token={preview_token}`;
const BLOG_URL = `${SITE}/api/preview?post={slug}&token={preview_token}`;
const ABOUT = '/admin/pages/landing_page/about-us?locale=en';
const PREVIEW = { name: 'Preview (opens your site in a new tab)', exact: true } as const;
const PUBLISH = zonedTime(4, '10:30');

withChromium('preview and scheduling end-to-end tests', () => {
  describe.each(DIALECTS)('dashboard: preview, items and posts (%s)', (dialect) => {
    const dash = useDashboard('ghee-e2e-preview-', useDialectEnv(dialect), ['editor', 'viewer']);
    const { errors, newPage, signIn, shot, nav } = dash;
    const account = () => `/accounts/${dash.demo.account_id}`;

    let editor: Page;
    let itemId = 0;
    const status = (text: string) => visible(editor.getByRole('status').filter({ hasText: text }));

    /** Clicks Preview and answers the URL the new tab was sent to (the site answers from a route). */
    const previewUrl = async () => {
      const [tab] = await Promise.all([
        editor.context().waitForEvent('page'),
        editor.getByRole('button', PREVIEW).click(),
      ]);
      await expect.poll(() => tab.url()).toMatch(/^https:\/\/preview\.example\//);
      const url = new URL(tab.url());
      await tab.close();
      return url;
    };

    test(
      'the owner gives the landing pages and the blog a preview URL',
      async () => {
        const { context, page } = await newPage();
        await signIn(page, dash.demo.admin_email, dash.demo.admin_password);
        await nav(page, 'Content Types');
        await page.getByRole('button', { name: /^Landing page/ }).click();
        await page.getByLabel('Preview URL', { exact: true }).fill(PAGE_URL);
        await page.getByLabel('Blog preview URL').fill(BLOG_URL);
        await page.getByRole('button', { name: 'Review changes' }).click();
        await hasText(page.getByTestId('schema-diff'), '~ page_types.landing_page');
        await page.getByRole('button', { name: 'Save schema' }).click();
        await visible(page.getByRole('status').filter({ hasText: 'Saved' }));
        const doc = (await adminCall(page, 'GET', `${account()}/schema`)).body.data;
        expect(doc.page_types.landing_page.preview_url).toBe(PAGE_URL);
        expect(doc.blog).toEqual({ preview_url: BLOG_URL });
        await context.close();
      },
      SIGNS_IN_MS,
    );

    test(
      "Preview opens the page type's preview URL in a new tab, filled, with a token that reads the draft",
      async () => {
        const opened = await newPage(1280, 900, ZONED);
        editor = opened.page;
        await watchCsp(opened.context);
        // The site is not there: its answer comes from here, so the tab's address can be read.
        await opened.context.route(`${SITE}/**`, (route) =>
          route.fulfill({ status: 200, contentType: 'text/plain', body: 'the site' }),
        );
        await signIn(editor, 'editor@demo.invalid', PASSWORDS.editor);
        await editor.goto(ABOUT);
        await editor.getByLabel(/Headline/).fill('Who we are, in preview');
        await editor.getByRole('button', { name: 'Save draft' }).click();
        await status('Draft saved.');
        await visible(editor.getByRole('button', PREVIEW));
        await shot(editor, 'preview-button');
        const url = await previewUrl();
        expect(url.pathname).toBe('/api/preview');
        expect([...url.searchParams.keys()]).toEqual(['type', 'slug', 'locale', 'token']);
        expect(url.searchParams.get('type')).toBe('landing_page');
        expect(url.searchParams.get('slug')).toBe('about-us');
        expect(url.searchParams.get('locale')).toBe('en');
        const token = url.searchParams.get('token')!;
        expect(token).toMatch(/^ghee_p_/);
        const read = await dash.v2('/pages/landing_page/about-us/', token);
        expect(read.status).toBe(200);
        expect(((await read.json()) as any).data.fields.headline).toBe('Who we are, in preview');
        const published = await dash.v2('/pages/landing_page/about-us/', dash.demo.read_token);
        expect(((await published.json()) as any).data.fields.headline).toBe('Who we are');
        // The JSON preview of the dashboard stays beside it.
        await visible(editor.getByRole('button', { name: 'Preview draft' }));
      },
      SIGNS_IN_MS,
    );

    test('a collection without a preview URL has no Preview; its item is scheduled and filtered as such', async () => {
      itemId = (await adminCall(editor, 'GET', `${account()}/items/brands`)).body.data[0].id;
      await editor.goto(`/admin/collections/brands/${itemId}?locale=en`);
      await visible(editor.getByRole('button', { name: 'Schedule…' }));
      expect(await editor.getByRole('button', PREVIEW).count()).toBe(0);
      await editor.getByRole('button', { name: 'Schedule…' }).click();
      const dialog = editor.getByRole('dialog', { name: 'Schedule this item' });
      await dialog.getByLabel('Publish at').fill(PUBLISH.local);
      await dialog.getByRole('button', { name: 'Schedule', exact: true }).click();
      await status('Scheduled for');
      await hasText(editor.getByTestId('item-status'), 'published, with changes scheduled');
      await hasText(editor.getByTestId('schedule-publish'), '10:30 (Europe/Paris)');

      await nav(editor, 'Collections');
      await editor.getByLabel('Collection').selectOption('brands');
      await editor.getByLabel('Status').selectOption('scheduled');
      await expect.poll(() => editor.locator('tbody tr').count()).toBe(1);
      await hasText(editor.locator('tbody tr .badge'), 'scheduled');
      await editor.getByRole('link', { name: `Edit item ${itemId}` }).click();
      await hasText(editor.getByTestId('schedule-publish'), 'Scheduled for');
    });

    test('a draft post is scheduled from its editor, and previewed at the blog preview URL', async () => {
      await editor.goto('/admin/posts/ghee-ice-cream');
      await hasText(editor.getByTestId('post-status'), 'draft');
      await editor.getByRole('button', { name: 'Schedule…' }).click();
      const dialog = editor.getByRole('dialog', { name: 'Schedule this post' });
      await hasText(dialog, 'saved now as a draft');
      await dialog.getByLabel('Publish at').fill(PUBLISH.local);
      await dialog.getByRole('button', { name: 'Schedule', exact: true }).click();
      await status('Scheduled for');
      await hasText(editor.getByTestId('post-status'), 'scheduled');
      expect(await editor.getByLabel('Status', { exact: true }).inputValue()).toBe('scheduled');
      // The form's own picker holds the time, in the editor's zone.
      expect(await editor.getByLabel(/^Publish at/).inputValue()).toBe(PUBLISH.local);
      await hasText(editor.locator('#f-scheduled-zone'), 'Europe/Paris');
      const post = (await adminCall(editor, 'GET', `${account()}/posts/ghee-ice-cream`)).body.data;
      expect([post.status, Date.parse(post.scheduled)]).toEqual(['scheduled', Date.parse(PUBLISH.iso)]);

      const url = await previewUrl();
      expect(url.searchParams.get('post')).toBe('ghee-ice-cream');
      expect(url.searchParams.get('token')).toMatch(/^ghee_p_/);
      const agenda = await adminCall(editor, 'GET', `${account()}/schedule`);
      const kinds = agenda.body.data.map((u: { kind: string; title: string }) => `${u.kind} ${u.title}`);
      // Soonest first: the item and the post at the same time, then the demo's scheduled post.
      expect(kinds).toEqual([expect.stringMatching(/^item /), 'post Ghee ice cream?', 'post Our winter menu']);
    });

    test(
      'a viewer sees the schedule but no control to change it, and no Preview to mint a token with',
      async () => {
        const { context, page } = await newPage(1280, 900, ZONED);
        await signIn(page, 'viewer@demo.invalid', PASSWORDS.viewer);
        await page.goto(`/admin/collections/brands/${itemId}?locale=en`);
        await hasText(page.getByTestId('schedule-publish'), '10:30 (Europe/Paris)');
        for (const name of ['Schedule…', 'Change time…', 'Cancel schedule', 'Unpublish at…'])
          expect(await page.getByRole('button', { name }).count()).toBe(0);
        await page.goto(ABOUT);
        await visible(page.getByTestId('schedule-unpublish'));
        expect(await page.getByRole('button', PREVIEW).count()).toBe(0);
        await context.close();
      },
      SIGNS_IN_MS,
    );

    test('kept to the CSP and logged no console errors', async () => {
      await expectNoCspViolation(editor);
      expect(errors.unexpected).toEqual([]);
    });
  });
});
