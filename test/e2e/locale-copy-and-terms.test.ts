// The dashboard, end to end (issue 17 items 15 and 16): starting a locale from the default
// locale's version in the page editor, and deleting an unused tag under Categories & tags.
// playwright-core drives Chromium against a real `ghee start` on port 0 with a fresh database.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ConsoleErrors, launchChromium, localPage, withChromium } from './harness/chromium.js';
import { startForBrowser, type BrowserServer } from './harness/ghee-start.js';
import { hasText, submitSignIn, visible, firstScreen } from './harness/page-helpers.js';

/** A landing page written in English only, through /v2 (the README's example body). */
const SPRING_SALE = {
  title: 'Spring sale',
  slug: 'spring-sale',
  page_type: 'landing_page',
  status: 'published',
  fields: {
    headline: 'Spring sale',
    summary: 'Everything for the kitchen',
    body: '<p>20% off</p>',
    notes: '',
    embed: '',
    hero_image: '',
    theme: '#ff8800',
    launch_date: '2026-03-20',
    priority: 50,
    featured: true,
    layout: 'wide',
    seo: { title: 'Spring sale', description: '' },
    sections: [],
    faq: [],
    related: ['launch'],
    brand: '',
  },
};

withChromium('locale copy and blog terms end-to-end tests', () => {
  describe('dashboard: copy from the default locale, delete an unused tag', () => {
    let ghee: BrowserServer;
    let demo: { read_token: string; write_token: string; admin_email: string; admin_password: string };
    let browser: Browser;
    let page: Page;
    const errors = new ConsoleErrors();

    const v2 = async (method: string, url: string, body?: unknown) => {
      const res = await fetch(`${ghee.base}/v2${url}`, {
        method,
        headers: {
          authorization: `Token ${method === 'GET' ? demo.read_token : demo.write_token}`,
          ...(body !== undefined && { 'content-type': 'application/json' }),
        },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
      return { status: res.status, body: res.status === 204 ? null : ((await res.json()) as any) };
    };

    beforeAll(async () => {
      ghee = await startForBrowser('ghee-e2e-locales-');
      demo = JSON.parse(fs.readFileSync(path.join(ghee.dataDir, 'demo-credentials.json'), 'utf8'));
      browser = await launchChromium();
      ({ page } = await localPage(browser, ghee.base, errors));
      await page.goto('/admin/');
      await submitSignIn(page, demo.admin_email, demo.admin_password);
      await firstScreen(page);
    }, 90_000);

    afterAll(async () => {
      await browser?.close();
      await ghee?.stop();
    });

    test('an empty locale offers "Copy from English"; the copy, translated, is saved as the Spanish version', async () => {
      expect((await v2('POST', '/pages/', SPRING_SALE)).status).toBe(202);
      await page.goto('/admin/pages/landing_page/spring-sale?locale=es');
      await hasText(page.getByTestId('page-status'), /not written in es/);
      const offer = page.getByRole('region', { name: 'Start this locale' });
      await hasText(offer, 'This page has nothing in Spanish yet.');
      expect(await page.getByLabel(/Headline/).inputValue()).toBe('');
      await offer.getByRole('button', { name: 'Copy from English' }).click();
      await visible(page.getByRole('status').filter({ hasText: 'Copied from English' }));
      await expect.poll(() => page.getByLabel(/Headline/).inputValue()).toBe('Spring sale');
      expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe('Spring sale');
      await page.getByLabel(/Headline/).fill('Rebajas de primavera');
      await page.getByRole('button', { name: 'Publish' }).click();
      await hasText(page.getByTestId('page-status'), 'published');

      const es = await v2('GET', '/pages/landing_page/spring-sale/?locale=es&levels=1');
      expect(es.status).toBe(200);
      expect(es.body.data.fields).toMatchObject({
        headline: 'Rebajas de primavera',
        summary: 'Everything for the kitchen',
        body: '<p>20% off</p>',
        priority: 50,
        layout: 'wide',
      });
      expect(es.body.data.fields.related).toEqual([expect.stringMatching(/\/v2\/pages\/landing_page\/launch\/$/)]);
      expect((await v2('GET', '/pages/landing_page/spring-sale/')).body.data.fields.headline).toBe('Spring sale');
    });

    test('a locale with content offers no copy', async () => {
      await page.goto('/admin/pages/landing_page/launch?locale=es');
      await expect.poll(() => page.getByLabel(/Headline/).inputValue()).toBe('Ghee ya está aquí');
      expect(await page.getByRole('region', { name: 'Start this locale' }).count()).toBe(0);
    });

    test('Categories & tags: an unused tag is deleted, a used one cannot be', async () => {
      expect(
        (
          await v2('POST', '/posts/', {
            title: 'Short-lived',
            slug: 'short-lived',
            status: 'published',
            tags: ['Leftover'],
          })
        ).status,
      ).toBe(202);
      expect((await v2('DELETE', '/posts/short-lived/')).status).toBe(204);
      expect((await v2('GET', '/tags/')).body.data.map((t: { slug: string }) => t.slug)).toContain('leftover');
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Categories & tags' }).click();
      const tags = page.getByRole('region', { name: 'Tags' });
      const leftover = tags.getByRole('row').filter({ hasText: 'leftover' });
      await hasText(leftover, 'unused');
      expect(await tags.getByRole('button', { name: 'Delete the tag ghee' }).isDisabled()).toBe(true);
      await leftover.getByRole('button', { name: 'Delete the tag Leftover' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Delete tag' }).click();
      await visible(page.getByRole('status').filter({ hasText: 'Deleted the tag "Leftover".' }));
      await expect.poll(() => tags.getByRole('row').filter({ hasText: 'leftover' }).count()).toBe(0);
      expect((await v2('GET', '/tags/')).body.data.map((t: { slug: string }) => t.slug)).not.toContain('leftover');
      expect((await v2('GET', '/tags/leftover/')).status).toBe(404);
    });

    test('logged no console errors', () => {
      expect(errors.unexpected).toEqual([]);
    });
  });
});
