// Scheduling in the dashboard (issue 20): playwright-core drives Debian's Chromium, in the
// Europe/Paris time zone, against a real `ghee start` (SQLite, and PostgreSQL when
// TEST_DATABASE_URL is set). An editor schedules the live demo page "About us" for 09:00 in three
// days (a past time refused before anything is sent), sets an unpublish time, finds both in the
// pages list, its Scheduled filter and the Schedule screen, then clears and cancels them.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { withChromium } from './harness/chromium.js';
import { PASSWORDS, useDashboard } from './harness/dashboard-suite.js';
import { useDialectEnv } from './harness/dialect-env.js';
import { FIRST_SCREEN_MS, hasText, visible } from './harness/page-helpers.js';
import {
  adminCall,
  expectNoCspViolation,
  overflowsSideways,
  watchCsp,
  ZONED,
  zonedTime,
} from './harness/scheduling.js';

/** A test that signs in waits up to FIRST_SCREEN_MS for a cold server's first screen, then does its own steps. */
const SIGNS_IN_MS = FIRST_SCREEN_MS + 30_000;

const EDITOR = 'editor@demo.invalid';
const ABOUT = '/admin/pages/landing_page/about-us?locale=en';
const PAST = zonedTime(-1, '09:00');
const BEFORE_PUBLISH = zonedTime(2, '09:00');
const PUBLISH = zonedTime(3, '09:00');
const UNPUBLISH = zonedTime(20, '18:00');

withChromium('scheduling end-to-end tests', () => {
  describe.each(DIALECTS)('dashboard: scheduling (%s)', (dialect) => {
    const dash = useDashboard('ghee-e2e-scheduling-', useDialectEnv(dialect), ['editor']);
    const { errors, newPage, signIn, shot, nav } = dash;

    let editor: Page;
    const status = (text: string) => visible(editor.getByRole('status').filter({ hasText: text }));
    const aboutUs = async () =>
      (await adminCall(editor, 'GET', `/accounts/${dash.demo.account_id}/pages/landing_page/about-us?locale=en`)).body
        .data;
    const agendaDay = (day: string) => editor.locator(`section[data-day="${day}"]`);

    test(
      'the Schedule screen says when nothing is due in a range, and lists what falls in a longer one',
      async () => {
        const opened = await newPage(1280, 900, ZONED);
        editor = opened.page;
        await watchCsp(opened.context);
        await signIn(editor, EDITOR, PASSWORDS.editor);
        await nav(editor, 'Schedule');
        await visible(editor.getByRole('heading', { name: 'Schedule', level: 1 }));
        await hasText(editor.locator('.lead'), /Europe\/Paris \(UTC\+0[12]:00\)/);
        await editor.getByLabel('7 days').check();
        await hasText(editor.locator('.empty'), 'Nothing is scheduled in the next 7 days.');
        // The demo's scheduled post is due a month after seeding.
        await editor.getByLabel('90 days').check();
        const post = editor.locator('.agenda-item').filter({ hasText: 'Our winter menu' });
        await hasText(post, 'Publishes');
        await hasText(post, 'Blog post');
      },
      SIGNS_IN_MS,
    );

    test('an editor schedules a live page: a past time is refused before sending, then the draft waits', async () => {
      await editor.goto(ABOUT);
      const headline = editor.getByLabel(/Headline/);
      await expect.poll(() => headline.inputValue()).toBe('Who we are');
      await headline.fill('Who we are, from Tuesday');
      await editor.getByRole('button', { name: 'Schedule…' }).click();
      const dialog = editor.getByRole('dialog', { name: 'Schedule this page' });
      await hasText(dialog, 'This page is live');
      await hasText(dialog, /Europe\/Paris \(UTC\+0[12]:00\)/);
      const at = dialog.getByLabel('Publish at');
      await at.fill(PAST.local);
      await dialog.getByRole('button', { name: 'Schedule', exact: true }).click();
      await hasText(dialog.locator('.field-error'), 'Choose a time in the future');
      expect(await at.getAttribute('aria-invalid')).toBe('true');
      expect((await aboutUs()).status).toBe('published');

      await at.fill(PUBLISH.local);
      await dialog.getByRole('button', { name: 'Schedule', exact: true }).click();
      await status('Scheduled for');
      expect(await dialog.count()).toBe(0);
      await hasText(editor.getByTestId('page-status'), 'published, with changes scheduled');
      const panel = editor.getByTestId('schedule-publish');
      await hasText(panel, '09:00 (Europe/Paris)');
      await hasText(panel, 'Readers see the published version until then');
      const saved = await aboutUs();
      expect(saved.status).toBe('scheduled');
      expect(Date.parse(saved.scheduled)).toBe(Date.parse(PUBLISH.iso));
      expect(saved.fields.headline).toBe('Who we are, from Tuesday');
      // Readers keep the published version until the time comes.
      const live = (await (await dash.v2('/pages/landing_page/about-us/', dash.demo.read_token)).json()) as any;
      expect(live.data.fields.headline).toBe('Who we are');
      await shot(editor, 'scheduling-editor');
    });

    test('Unpublish at refuses a time before the publication, then is set and the unsaved edits stay', async () => {
      const headline = editor.getByLabel(/Headline/);
      await headline.fill('An edit not saved yet');
      await editor.getByRole('button', { name: 'Unpublish at…' }).click();
      const dialog = editor.getByRole('dialog', { name: 'Unpublish at a time' });
      const at = dialog.getByLabel('Unpublish at');
      await at.fill(BEFORE_PUBLISH.local);
      await dialog.getByRole('button', { name: 'Set unpublish time' }).click();
      await hasText(dialog.locator('.field-error'), 'Choose a time after the scheduled publication');
      await at.fill(UNPUBLISH.local);
      await dialog.getByRole('button', { name: 'Set unpublish time' }).click();
      await status('This page unpublishes');
      await hasText(editor.getByTestId('schedule-unpublish'), '18:00 (Europe/Paris) in every locale');
      expect(await headline.inputValue()).toBe('An edit not saved yet');
      const saved = await aboutUs();
      expect(Date.parse(saved.unpublish_at)).toBe(Date.parse(UNPUBLISH.iso));
      expect(saved.status).toBe('scheduled');
      expect(saved.fields.headline).toBe('Who we are, from Tuesday');
    });

    test('the content lists show Scheduled, and their Scheduled filter keeps only what waits', async () => {
      await nav(editor, 'Pages');
      const row = editor.locator('tbody tr').filter({ hasText: 'About us' });
      await hasText(row.locator('.badge'), 'scheduled');
      expect(await row.locator('.badge').getAttribute('class')).toContain('status-scheduled');
      await hasText(row.locator('.status-cell'), '09:00');
      await editor.getByLabel('Status').selectOption('scheduled');
      await expect.poll(() => editor.url()).toMatch(/status=scheduled/);
      await expect.poll(() => editor.locator('tbody tr').count()).toBe(1);
      await hasText(editor.locator('tbody tr'), 'About us');

      await nav(editor, 'Blog posts');
      await editor.getByLabel('Status').selectOption('scheduled');
      await expect.poll(() => editor.locator('tbody tr').count()).toBe(1);
      await hasText(editor.locator('tbody tr .badge'), 'scheduled');
      await hasText(editor.locator('tbody tr'), 'Our winter menu');

      await nav(editor, 'Collections');
      await visible(editor.locator('tbody tr'));
      await editor.getByLabel('Status').selectOption('scheduled');
      await hasText(editor.locator('.empty'), 'No items match this filter.');
    });

    test('the Schedule screen groups the changes by day in the editor zone; each opens its editor', async () => {
      await nav(editor, 'Schedule');
      const publishDay = agendaDay(PUBLISH.day);
      const publish = publishDay.locator('.agenda-item').filter({ hasText: 'About us' });
      await hasText(publish, '09:00');
      await hasText(publish, 'Publishes');
      await hasText(publish, 'Landing page');
      const unpublish = agendaDay(UNPUBLISH.day).locator('.agenda-item').filter({ hasText: 'About us' });
      await hasText(unpublish, '18:00');
      await hasText(unpublish, 'Unpublishes');
      await hasText(unpublish, 'every locale');
      await shot(editor, 'schedule-agenda');

      await editor.getByLabel('7 days').check();
      await visible(publish);
      await expect.poll(() => agendaDay(UNPUBLISH.day).count()).toBe(0);
      await publish.getByRole('link', { name: 'About us' }).click();
      await expect.poll(() => editor.url()).toMatch(/\/admin\/pages\/landing_page\/about-us/);
      await hasText(editor.getByTestId('schedule-publish'), '09:00 (Europe/Paris)');
    });

    test(
      'on a phone the Schedule screen and the editor with its schedule fit the width',
      async () => {
        const { context, page } = await newPage(390, 844, ZONED);
        await signIn(page, EDITOR, PASSWORDS.editor);
        await page.goto('/admin/schedule');
        await visible(page.locator('.agenda-item').filter({ hasText: 'About us' }));
        expect(await overflowsSideways(page)).toBe(false);
        await page.goto(ABOUT);
        await visible(page.getByTestId('schedule-publish'));
        await page.getByRole('button', { name: 'Change unpublish time…' }).click();
        await visible(page.getByRole('dialog', { name: 'Unpublish at a time' }));
        expect(await overflowsSideways(page)).toBe(false);
        await page.keyboard.press('Escape');
        expect(await page.getByRole('dialog').count()).toBe(0);
        await context.close();
      },
      SIGNS_IN_MS,
    );

    test('clearing the unpublish time and cancelling the schedule leave a draft over the live page', async () => {
      await editor.getByRole('button', { name: 'Clear unpublish time' }).click();
      await status('Unpublish time cleared.');
      await hasText(editor.getByTestId('schedule-unpublish'), 'No unpublish time.');
      await editor.getByRole('button', { name: 'Cancel schedule' }).click();
      await status('Schedule cancelled');
      await hasText(editor.getByTestId('page-status'), 'published, with draft changes');
      await hasText(editor.getByTestId('schedule-publish'), 'No publication scheduled.');
      const saved = await aboutUs();
      expect([saved.status, saved.unpublish_at]).toEqual(['draft', null]);
      const agenda = await adminCall(editor, 'GET', `/accounts/${dash.demo.account_id}/schedule`);
      expect(agenda.status).toBe(200);
      expect(agenda.body.data.map((u: { title: string }) => u.title)).toEqual(['Our winter menu']);
    });

    test("the server's refusals show in the dialog: another field's by name, the time's beside the picker", async () => {
      const headline = editor.getByLabel(/Headline/);
      await headline.fill('');
      await editor.getByRole('button', { name: 'Schedule…' }).click();
      const schedule = editor.getByRole('dialog', { name: 'Schedule this page' });
      await schedule.getByLabel('Publish at').fill(PUBLISH.local);
      errors.expected.push(/status of 400/);
      await schedule.getByRole('button', { name: 'Schedule', exact: true }).click();
      await hasText(schedule.getByRole('alert'), 'Nothing was saved');
      await hasText(schedule.getByRole('alert'), /Headline: This field is required/);
      await schedule.getByRole('button', { name: 'Cancel' }).click();
      await hasText(editor.getByRole('alert'), 'Nothing was saved');
      await headline.fill('Who we are');

      // Scheduled behind this editor's back: the time it checks against is out of date.
      const path = `/accounts/${dash.demo.account_id}/pages/landing_page/about-us?locale=en`;
      const behind = await adminCall(editor, 'PUT', path, { status: 'scheduled', scheduled: PUBLISH.iso });
      expect(behind.status).toBe(200);
      await editor.getByRole('button', { name: 'Unpublish at…' }).click();
      const unpublish = editor.getByRole('dialog', { name: 'Unpublish at a time' });
      await unpublish.getByLabel('Unpublish at').fill(BEFORE_PUBLISH.local);
      errors.expected.push(/status of 400/);
      await unpublish.getByRole('button', { name: 'Set unpublish time' }).click();
      await hasText(unpublish.locator('.field-error'), 'Ensure this time is later than the scheduled time.');
      expect(await unpublish.getByLabel('Unpublish at').getAttribute('aria-invalid')).toBe('true');
      await editor.keyboard.press('Escape');
      expect((await aboutUs()).unpublish_at).toBe(null);
    });

    test('kept to the CSP and logged no console errors', async () => {
      await expectNoCspViolation(editor);
      expect(errors.unexpected).toEqual([]);
    });
  });
});
