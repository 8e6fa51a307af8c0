// The dashboard's version history (issue 19): playwright-core drives Debian's Chromium against a
// real `ghee start` (SQLite, and PostgreSQL when TEST_DATABASE_URL is set). An editor saves the demo
// page "About us" three times, opens its history, compares the first version with the last (a word
// diff of the HTML body, shown as text), restores the first as a draft and sees it in the editor; a
// viewer reads the history without any restore.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { withChromium } from './harness/chromium.js';
import { PASSWORDS, useDashboard } from './harness/dashboard-suite.js';
import { useDialectEnv } from './harness/dialect-env.js';
import { FIRST_SCREEN_MS, hasText, visible } from './harness/page-helpers.js';

/** A test that signs in waits up to FIRST_SCREEN_MS for a cold server's first screen, then does its own steps. */
const SIGNS_IN_MS = FIRST_SCREEN_MS + 30_000;

const EDITOR = 'editor@demo.invalid';
const EDITOR_URL = '/admin/pages/landing_page/about-us?locale=en';

withChromium('version history end-to-end tests', () => {
  describe.each(DIALECTS)('dashboard: version history (%s)', (dialect) => {
    const dash = useDashboard('ghee-e2e-history-', useDialectEnv(dialect), ['editor', 'viewer']);
    const { errors, newPage, signIn, shot, nav } = dash;

    let editor: Page;
    const rows = () => editor.locator('tr[data-version-id]');
    const versionIds = async () =>
      (await rows().evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-version-id')))).map(Number);
    let first = 0;
    let last = 0;

    /** Saves the editor's form as a draft and waits for the answer. */
    const saveDraft = async () => {
      await editor.getByRole('button', { name: 'Save draft' }).click();
      await visible(editor.getByRole('status').filter({ hasText: 'Draft saved.' }));
    };

    test(
      'an editor saves a page three times, the body once',
      async () => {
        ({ page: editor } = await newPage());
        await signIn(editor, EDITOR, PASSWORDS.editor);
        await editor.goto(EDITOR_URL);
        const headline = editor.getByLabel(/Headline/);
        await expect.poll(() => headline.inputValue()).toBe('Who we are');
        await headline.fill('Who we are, take one');
        await saveDraft();
        await headline.fill('Who we are, take two');
        await editor.getByRole('textbox', { name: 'Body' }).click();
        await editor.keyboard.press('Control+End');
        for (let i = 0; i < 'kitchen.'.length; i++) await editor.keyboard.press('Backspace');
        await editor.keyboard.type('garage. Then we grew.');
        await saveDraft();
        await headline.fill('Who we are, take three');
        await saveDraft();
      },
      SIGNS_IN_MS,
    );

    test('the history lists the versions newest first, with who saved each and its status', async () => {
      await editor.getByRole('link', { name: 'History' }).click();
      await visible(editor.getByRole('heading', { name: 'History of about-us', level: 1 }));
      await expect.poll(() => rows().count()).toBe(4);
      const ids = await versionIds();
      expect([...ids].sort((a, b) => b - a)).toEqual(ids);
      [last, first] = [ids[0]!, ids.at(-1)!];
      await hasText(rows().first(), EDITOR);
      await hasText(rows().first(), 'draft');
      await hasText(rows().last(), 'published');
      await hasText(rows().last(), 'demo');
      await hasText(editor.getByRole('navigation', { name: 'Pagination' }), '4 in all');
    });

    test('a version opens read-only with its fields', async () => {
      await editor.getByRole('button', { name: `Open version #${first}` }).click();
      await visible(editor.getByRole('heading', { name: `Version #${first}` }));
      const fields = editor.getByRole('definition');
      await hasText(editor.locator('[data-path="headline"] dd'), 'Who we are');
      await hasText(editor.locator('[data-path="body"] dd'), '<p>We started in a kitchen.</p>');
      expect(await fields.locator('input, textarea, [contenteditable="true"]').count()).toBe(0);
      await editor.getByRole('button', { name: 'All versions' }).click();
      await expect.poll(() => rows().count()).toBe(4);
    });

    test('comparing the first and the last version lists the changed fields, the body as a word diff', async () => {
      const compare = editor.getByRole('button', { name: 'Compare selected' });
      expect(await compare.isDisabled()).toBe(true);
      await editor.getByLabel(`Compare version #${last}`).check();
      await editor.getByLabel(`Compare version #${first}`).check();
      await compare.click();
      await visible(editor.getByRole('heading', { name: `Changes from #${first} to #${last}` }));
      const headline = editor.locator('.change[data-path="headline"]');
      await hasText(headline.locator('.change-from'), 'Who we are');
      await hasText(headline.locator('.change-to'), 'Who we are, take three');
      const body = editor.locator('.change[data-path="body"] [data-testid="word-diff"]');
      await hasText(body.locator('ins'), 'garage');
      await hasText(body.locator('del'), 'kitchen');
      await hasText(body, 'We started in a');
      // The version's HTML is shown as text: the diff holds no element of its own.
      const tags = await body.evaluate((el) => [...el.querySelectorAll('*')].map((n) => n.tagName));
      expect(tags.every((t) => ['SPAN', 'INS', 'DEL'].includes(t))).toBe(true);
      expect(await body.textContent()).toContain('<p>');
      expect(await editor.locator('.change[data-path="summary"]').count()).toBe(0);
      await shot(editor, 'history-compare');
    });

    test('the first version restored as a draft is what the editor shows, named in a notice', async () => {
      await editor.getByRole('button', { name: 'All versions' }).click();
      await editor.getByRole('button', { name: `Restore version #${first}` }).click();
      const dialog = editor.getByRole('dialog', { name: /^Restore version #/ });
      expect(await dialog.getByLabel(/A draft/).isChecked()).toBe(true);
      await dialog.getByRole('button', { name: 'Restore as draft' }).click();
      await expect
        .poll(() => editor.url())
        .toMatch(new RegExp(`/admin/pages/landing_page/about-us\\?.*restored=${first}`));
      await visible(editor.getByRole('status').filter({ hasText: `Version #${first} restored as a draft` }));
      await expect.poll(() => editor.getByLabel(/Headline/).inputValue()).toBe('Who we are');
      await hasText(editor.getByRole('textbox', { name: 'Body' }), 'We started in a kitchen.');
      expect(await editor.getByRole('textbox', { name: 'Body' }).textContent()).not.toContain('garage');
      await hasText(editor.getByTestId('page-status'), 'draft');
      await editor.getByRole('link', { name: 'History' }).click();
      await expect.poll(() => rows().count()).toBe(5);
      await hasText(rows().first(), `restored from #${first}`);
      await hasText(rows().first(), 'draft');
    });

    test(
      'a viewer reads the history and opens a version, with no restore anywhere',
      async () => {
        const { context, page } = await newPage();
        await signIn(page, 'viewer@demo.invalid', PASSWORDS.viewer);
        await nav(page, 'Pages');
        await page.getByRole('link', { name: 'About us' }).click();
        await page.getByRole('link', { name: 'History' }).click();
        await expect.poll(() => page.locator('tr[data-version-id]').count()).toBe(5);
        expect(await page.getByRole('button', { name: /Restore/ }).count()).toBe(0);
        await page.getByRole('button', { name: `Open version #${first}` }).click();
        await hasText(page.locator('[data-path="headline"] dd'), 'Who we are');
        expect(await page.getByRole('button', { name: /Restore/ }).count()).toBe(0);
        await context.close();
      },
      SIGNS_IN_MS,
    );

    test('logged no console errors', () => {
      expect(errors.unexpected).toEqual([]);
    });
  });
});
