// The dashboard's Trash and Audit log (issue 19): playwright-core drives Debian's Chromium against a
// real `ghee start` (SQLite, and PostgreSQL when TEST_DATABASE_URL is set). An editor deletes a page
// and a post, finds them in the Trash, restores the page (it is back), is refused a restore whose
// slug was taken since; the owner purges; the audit log names those actions with the editor's email
// and filters them by kind and actor; viewers and editors see only what their role allows.
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
const ROW = 'tr[data-trash-id]';

withChromium('trash and audit log end-to-end tests', () => {
  describe.each(DIALECTS)('dashboard: trash and audit log (%s)', (dialect) => {
    const dash = useDashboard('ghee-e2e-trash-', useDialectEnv(dialect), ['editor', 'viewer']);
    const { errors, newPage, signIn, shot, nav } = dash;
    let editor: Page;
    let owner: Page;

    const openTrash = async (page: Page) => {
      await nav(page, 'Trash');
      await visible(page.getByRole('heading', { name: 'Trash', level: 1 }));
    };
    const trashRow = (page: Page, name: string) => page.locator(ROW).filter({ hasText: name });

    test(
      'an editor deletes a page and a post from their editors',
      async () => {
        ({ page: editor } = await newPage());
        await signIn(editor, EDITOR, PASSWORDS.editor);
        await editor.goto('/admin/pages/landing_page/coming-soon');
        await editor.getByRole('button', { name: 'Delete' }).click();
        await hasText(editor.getByRole('dialog'), 'goes to the Trash');
        await editor.getByRole('button', { name: 'Delete page' }).click();
        await expect.poll(() => editor.url()).toMatch(/\/admin\/pages$/);
        await editor.goto('/admin/posts/hello-world');
        await editor.getByRole('button', { name: 'Delete' }).click();
        await editor.getByRole('button', { name: 'Delete post' }).click();
        await expect.poll(() => editor.url()).toMatch(/\/admin\/posts$/);
      },
      SIGNS_IN_MS,
    );

    test('the Trash lists both, newest first, by kind, with who deleted them', async () => {
      await openTrash(editor);
      await expect.poll(() => editor.locator(ROW).count()).toBe(2);
      await hasText(editor.locator(ROW).first(), 'Hello, world');
      await hasText(trashRow(editor, 'Coming soon'), 'page');
      await hasText(trashRow(editor, 'Coming soon'), EDITOR);
      await hasText(trashRow(editor, 'Coming soon'), 'landing_page / coming-soon');
      await shot(editor, 'trash');
      await editor.getByLabel('Kind').selectOption('post');
      await expect.poll(() => editor.locator(ROW).count()).toBe(1);
      await hasText(editor.locator(ROW), 'blog post');
      await editor.getByLabel('Kind').selectOption('');
      await expect.poll(() => editor.locator(ROW).count()).toBe(2);
      expect(await editor.getByRole('button', { name: /^Purge/ }).count()).toBe(0);
    });

    test('a restored page leaves the Trash and is back under Pages', async () => {
      await editor.getByRole('button', { name: 'Restore Coming soon' }).click();
      await visible(editor.getByRole('status').filter({ hasText: 'Restored the page “Coming soon”' }));
      await expect.poll(() => editor.locator(ROW).count()).toBe(1);
      await nav(editor, 'Pages');
      await editor.getByRole('link', { name: 'Coming soon' }).click();
      await expect.poll(() => editor.getByLabel(/Headline/).inputValue()).toBe('Something new is cooking');
    });

    test('a restore whose slug was taken since shows why it is refused', async () => {
      await editor.getByRole('button', { name: 'Delete' }).click();
      await editor.getByRole('button', { name: 'Delete page' }).click();
      await expect.poll(() => editor.url()).toMatch(/\/admin\/pages$/);
      await editor.getByRole('link', { name: 'New page' }).click();
      await editor.getByLabel('Page type').selectOption('landing_page');
      await editor.getByLabel('Title *').fill('Coming soon');
      await expect.poll(() => editor.getByLabel('Slug').inputValue()).toBe('coming-soon');
      await editor.getByLabel(/Headline/).fill('A new page in its place');
      await editor.getByRole('button', { name: 'Save draft' }).click();
      await expect.poll(() => editor.url()).toMatch(/\/admin\/pages\/landing_page\/coming-soon/);
      await openTrash(editor);
      errors.expected.push(/status of 409/);
      await editor.getByRole('button', { name: 'Restore Coming soon' }).click();
      await hasText(editor.getByRole('alert'), "A page with slug 'coming-soon' already exists.");
      expect(await editor.locator(ROW).count()).toBe(2);
    });

    test(
      'the owner purges one entry, and nothing deleted within 30 days',
      async () => {
        ({ page: owner } = await newPage());
        await signIn(owner, dash.demo.admin_email, dash.demo.admin_password);
        await openTrash(owner);
        await expect.poll(() => owner.locator(ROW).count()).toBe(2);
        await owner.getByRole('button', { name: 'Purge Coming soon' }).click();
        await owner.getByRole('dialog').getByRole('button', { name: 'Purge for good' }).click();
        await visible(owner.getByRole('status').filter({ hasText: 'Purged the page “Coming soon” for good.' }));
        await expect.poll(() => owner.locator(ROW).count()).toBe(1);
        await owner.getByLabel('Deleted more than (days ago)').fill('30');
        await owner.getByRole('button', { name: 'Purge older entries' }).click();
        await owner.getByRole('dialog').getByRole('button', { name: 'Purge for good' }).click();
        await visible(owner.getByRole('status').filter({ hasText: 'Purged 0 entries from the trash.' }));
        expect(await owner.locator(ROW).count()).toBe(1);
      },
      SIGNS_IN_MS,
    );

    test('the audit log names those actions with the editor’s email, and filters by kind and actor', async () => {
      await nav(owner, 'Audit log');
      await visible(owner.getByRole('heading', { name: 'Audit log', level: 1 }));
      const records = owner.locator('tr[data-audit-id]');
      const action = (name: string) => records.filter({ hasText: EDITOR }).filter({ hasText: name });
      await expect.poll(() => action('delete').count()).toBe(3);
      await hasText(action('restore'), 'coming-soon');
      await hasText(action('create'), 'coming-soon');
      await hasText(records.filter({ hasText: 'purge' }).first(), dash.demo.admin_email);
      await shot(owner, 'audit-log');
      const kinds = async () => new Set(await records.locator('td:nth-child(4)').allTextContents());
      await owner.getByLabel('Kind').selectOption('page');
      await expect.poll(kinds).toEqual(new Set(['page']));
      await owner.getByLabel('Actor').fill(EDITOR);
      await owner.getByRole('button', { name: 'Apply' }).click();
      await expect.poll(() => records.count()).toBe(4);
      expect(new Set(await records.locator('td:nth-child(2)').allTextContents())).toEqual(new Set([EDITOR]));
      await owner.getByLabel('Kind').selectOption('post');
      await expect.poll(() => records.count()).toBe(1);
      await hasText(records, 'hello-world');
      expect(await owner.getByLabel('Actor').inputValue()).toBe(EDITOR);
    });

    test('an editor has no audit log in the menu, and is told so at its address', async () => {
      expect(
        await editor.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' }).count(),
      ).toBe(0);
      await editor.goto('/admin/audit');
      await visible(editor.getByText('Only admins and owners of the account can read its audit log.'));
    });

    test(
      'a viewer sees the Trash without Restore or Purge',
      async () => {
        const { context, page } = await newPage();
        await signIn(page, 'viewer@demo.invalid', PASSWORDS.viewer);
        await openTrash(page);
        await expect.poll(() => page.locator(ROW).count()).toBe(1);
        expect(await page.getByRole('button', { name: /^(Restore|Purge)/ }).count()).toBe(0);
        await context.close();
      },
      SIGNS_IN_MS,
    );

    test('logged no console errors', () => {
      expect(errors.unexpected).toEqual([]);
    });
  });
});
