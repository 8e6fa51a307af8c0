// The dashboard editing nested fields (issue 17, item 1): ButterCMS's sample landing page, whose
// body picker offers components holding repeaters. Playwright-core drives Chromium against a
// real `ghee start` (SQLite, and PostgreSQL when TEST_DATABASE_URL is set).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { butterLandingSchema } from '../helpers/butter-landing.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../helpers/databases.js';
import { BIN } from '../helpers/process.js';
import { ConsoleErrors, launchChromium, localPage, withChromium } from './harness/chromium.js';
import { startForBrowser, type BrowserServer } from './harness/ghee-start.js';
import { firstScreen, hasText, screenshotPath, submitSignIn } from './harness/page-helpers.js';

withChromium('nested field editor tests', () => {
  describe.each(DIALECTS)('dashboard: nested fields (%s)', (dialect) => {
    let database: TestDatabase | undefined;
    let ghee: BrowserServer;
    let demo: { account_id: number; read_token: string; admin_email: string; admin_password: string };
    let browser: Browser;
    let page: Page;
    let brand: number;
    const errors = new ConsoleErrors();

    beforeAll(async () => {
      database = dialect === 'postgres' ? await createTestDatabase('postgres') : undefined;
      ghee = await startForBrowser('ghee-e2e-nested-', database ? { DATABASE_URL: database.url } : {});
      demo = JSON.parse(fs.readFileSync(path.join(ghee.dataDir, 'demo-credentials.json'), 'utf8'));
      // The sample schema through the CLI, while the server runs: it reads it on the next request.
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ghee-e2e-schema-')), 'schema.json');
      fs.writeFileSync(file, JSON.stringify(butterLandingSchema));
      const applied = spawnSync(
        process.execPath,
        [BIN, 'schema', 'apply', '--account', String(demo.account_id), file],
        { env: ghee.env, encoding: 'utf8' },
      );
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
      if (applied.status !== 0) throw new Error(`ghee schema apply failed: ${applied.stderr}`);
      brand = ((await (await v2('/content/brands/')).json()) as { data: { brands: { meta: { id: number } }[] } }).data
        .brands[0]!.meta.id;
      browser = await launchChromium();
      ({ page } = await localPage(browser, ghee.base, errors));
      await page.goto('/admin/');
      await submitSignIn(page, demo.admin_email, demo.admin_password);
      await firstScreen(page);
    }, 90_000);

    afterAll(async () => {
      await browser?.close();
      await ghee?.stop();
      await database?.drop();
    });

    const v2 = (url: string) =>
      fetch(`${ghee.base}/v2${url}${url.includes('?') ? '&' : '?'}auth_token=${demo.read_token}`);
    const field = (p: string) => page.locator(`#f-${p.replace(/[^a-zA-Z0-9_-]/g, '-')}`);
    const group = (name: string) => page.getByRole('group', { name, exact: true });

    test('offers repeaters in a component, and only simple fields and references in its rows and in collections', async () => {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Content Types' }).click();
      await page.getByRole('button', { name: 'Features features' }).click();
      const options = (id: string) =>
        page.locator(`#${id} option`).evaluateAll((list) => list.map((o) => (o as HTMLOptionElement).value));
      expect(await options('components-features-fields-new-type')).toContain('repeater');
      const rowTypes = await options('components-features-fields-features-fields-new-type');
      expect(rowTypes).toContain('reference');
      expect(rowTypes.filter((t) => ['component', 'component_picker', 'repeater'].includes(t))).toEqual([]);
      await page.getByRole('button', { name: 'Brands brands' }).click();
      expect(
        (await options('collections-brands-fields-new-type')).filter(
          (t) => t.startsWith('component') || t === 'repeater',
        ),
      ).toEqual([]);
    });

    test('writes a repeater row inside a picked component: its error shows beside it, then it publishes', async () => {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Pages' }).click();
      await page.getByRole('link', { name: 'New page' }).click();
      await page.getByLabel('Page type').selectOption('landing-page');
      await page.locator('#f-title').fill('Nested sample');
      await expect.poll(() => page.getByLabel('Slug').inputValue()).toBe('nested-sample');
      const body = group('Body');
      await body.getByRole('button', { name: 'Add Features' }).click();
      await body.getByRole('button', { name: 'Add Testimonials' }).click();
      await field('body.0.fields.headline').fill('Features');
      await group('Features').getByRole('button', { name: 'Add row' }).click();
      await group('Features').getByRole('button', { name: 'Add row' }).click();
      await field('body.0.fields.features.1.headline').fill('Easy');
      await group('Testimonial').getByRole('button', { name: 'Add row' }).click();
      await field('body.1.fields.testimonial.0.quote').fill('Butter is great');
      await field('body.1.fields.testimonial.0.brand').fill(String(brand));
      errors.expected.push(/status of 400/);
      await page.getByRole('button', { name: 'Publish', exact: true }).click();
      // The first row's headline is required: the API's path leads to the field in the form.
      await hasText(
        page.locator('[data-field="body.0.fields.features.0.headline"] .field-error'),
        'This field is required.',
      );
      await expect.poll(() => field('body.0.fields.features.0.headline').getAttribute('aria-invalid')).toBe('true');
      await page.screenshot({ path: screenshotPath(`nested-field-error-${dialect}`) });
      await field('body.0.fields.features.0.headline').fill('Fast');
      await page.getByRole('button', { name: 'Publish', exact: true }).click();
      await expect.poll(() => page.url()).toMatch(/\/admin\/pages\/landing-page\/nested-sample/);
      await hasText(page.getByTestId('page-status'), 'published');

      const read = (await (await v2('/pages/landing-page/nested-sample/?levels=2')).json()) as {
        data: { fields: { body: any[] } };
      };
      const [features, testimonials] = read.data.fields.body;
      expect(features.fields.features.map((f: { headline: string }) => f.headline)).toEqual(['Fast', 'Easy']);
      expect(testimonials.fields.testimonial[0]).toMatchObject({
        quote: 'Butter is great',
        brand: { meta: { id: brand } },
      });
    });

    test('loads the nested values back into the editor and saves a change to one', async () => {
      await page.reload();
      await expect.poll(() => field('body.0.fields.features.1.headline').inputValue()).toBe('Easy');
      await expect.poll(() => field('body.1.fields.testimonial.0.brand').inputValue()).toBe(String(brand));
      await field('body.0.fields.features.1.headline').fill('Easier');
      await group('Features').getByRole('button', { name: 'Remove row 1' }).click();
      await page.getByRole('button', { name: 'Publish', exact: true }).click();
      await hasText(page.getByRole('status'), 'Published');
      const read = (await (await v2('/pages/landing-page/nested-sample/')).json()) as {
        data: { fields: { body: any[] } };
      };
      expect(read.data.fields.body[0].fields.features).toEqual([{ headline: 'Easier', description: '', icon: '' }]);
      expect(read.data.fields.body[1].fields.testimonial[0].brand.meta.id).toBe(brand);
    });

    test('logged no console errors', () => {
      expect(errors.unexpected).toEqual([]);
    });
  });
});
