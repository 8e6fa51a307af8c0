// End-to-end tests of the dashboard's account settings (issue 9): playwright-core drives Debian's
// Chromium against a real `ghee start` on port 0 with a fresh database. In CI a missing browser
// fails the run. The demo owner rotates the read token, adds a locale and a webhook, and reads
// the usage chart.
import http from 'node:http';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { withChromium } from './harness/chromium.js';
import { useDashboard } from './harness/dashboard-suite.js';
import { hasText, visible } from './harness/page-helpers.js';

withChromium('dashboard settings end-to-end tests', () => {
  describe('dashboard settings end to end', () => {
    // WEBHOOK_ALLOW_PRIVATE: the webhook step's receiver listens on 127.0.0.1.
    const dash = useDashboard('ghee-e2e-settings-', { WEBHOOK_ALLOW_PRIVATE: 'true' });
    const { errors, newPage, signIn, shot, v2, nav } = dash;

    let owner: Page;
    beforeAll(async () => {
      ({ page: owner } = await newPage());
      await signIn(owner, dash.demo.admin_email, dash.demo.admin_password);
    });

    test('rotates the read token: the old one gets 401 Invalid token', async () => {
      await nav(owner, 'API Tokens');
      const last4 = dash.demo.read_token.slice(-4);
      await owner.getByRole('button', { name: `Rotate read token ending in ${last4}` }).click();
      const fresh = owner.getByTestId('new-token');
      await hasText(fresh, '•');
      await owner.getByRole('button', { name: 'Reveal' }).click();
      const token = await fresh.getAttribute('data-token');
      expect(token).toMatch(/^ghee_r_[A-Za-z0-9]{32,}$/);
      await shot(owner, 'desktop-api-tokens');
      const old = await v2('/pages/*/homepage/', dash.demo.read_token);
      expect(old.status).toBe(401);
      expect(await old.json()).toEqual({ detail: 'Invalid token' });
      expect((await v2('/pages/*/homepage/', token!)).status).toBe(200);
      dash.demo.read_token = token!;
    });

    test('adds a locale', async () => {
      await nav(owner, 'Localization');
      await owner.getByRole('button', { name: 'Add locale' }).click();
      await owner.getByLabel('Code').last().fill('fr');
      await owner.getByLabel('Name').last().fill('French');
      await owner.getByRole('button', { name: 'Save locales' }).click();
      await visible(owner.getByRole('status').filter({ hasText: '+ locales.fr' }));
      await shot(owner, 'desktop-localization');
      expect((await v2('/pages/*/homepage/?locale=fr', dash.demo.read_token)).status).toBe(404);
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

    test('logged no console errors', () => {
      expect(errors.unexpected).toEqual([]);
    });
  });
});
