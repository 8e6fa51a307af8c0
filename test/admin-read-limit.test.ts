import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATOR } from '../src/accounts/plan-policy.js';
import { setPlan } from '../src/accounts/set-plan.js';
import { cliActor } from '../src/audit/actor.js';
import { member, PASSWORD, signedInClient, type AdminClient } from './helpers/admin.js';
import { movableClock } from './helpers/blog.js';
import { DIALECTS } from './helpers/databases.js';
import { demoServer, type TestServer } from './helpers/server.js';

// Dashboard reads are not metered like /v2 (ButterCMS meters API calls, not its dashboard), but
// they are limited per user (ADMIN_READS_PER_MINUTE, 10 here): once an account's /v2 is at its
// 429, the admin API cannot be used to read its content without limit instead.

const THROTTLED = (seconds: number) => ({ detail: `Request was throttled. Expected available in ${seconds} seconds.` });

describe.each(DIALECTS)('admin API reads are limited per user (%s)', (dialect) => {
  let s: TestServer;
  let editor: AdminClient;
  let page: string;
  const clock = movableClock();

  beforeAll(async () => {
    s = await demoServer(dialect, { clock, config: { adminReadsPerMinute: 10 } });
    await setPlan(s.store.db, s.demo.id, { plan: 'free', monthlyCallLimit: 3 }, OPERATOR, cliActor());
    editor = await member(s.app, s.store, s.demo.id, 'editor');
    page = `/admin/api/accounts/${s.demo.id}/pages/landing_page/about-us`;
  });
  afterAll(async () => {
    await s?.close();
  });

  it('/v2 is at its monthly limit: 429', async () => {
    for (let i = 0; i < 3; i++) expect((await s.get('/v2/pages/landing_page/about-us/')).status).toBe(200);
    expect(await s.get('/v2/pages/landing_page/about-us/')).toMatchObject({
      status: 429,
      body: { detail: 'API Calls limit reached.' },
    });
  });

  it('the same content through the admin API: 10 reads, then 429 with Retry-After', async () => {
    const reads = [];
    for (let i = 0; i < 10; i++)
      reads.push((await editor.get(i % 2 ? page : `/admin/api/accounts/${s.demo.id}/items/brands`)).status);
    expect(reads).toEqual(Array(10).fill(200));
    const refused = await editor.get(page);
    expect(refused).toMatchObject({ status: 429, body: THROTTLED(6) });
    expect(refused.headers['retry-after']).toBe('6');
  });

  it("signing in again does not start a new budget: the limit is the user's", async () => {
    const again = await signedInClient(s.app, 'editor@' + s.demo.id + '.test', PASSWORD);
    expect((await again.get(page)).status).toBe(429);
  });

  it('another user of the account reads on', async () => {
    const viewer = await member(s.app, s.store, s.demo.id, 'viewer');
    expect((await viewer.get(page)).status).toBe(200);
  });

  it('refills at 10 a minute: one more read 6 seconds later', async () => {
    clock.advance(6_000);
    expect((await editor.get(page)).status).toBe(200);
    expect((await editor.get(page)).status).toBe(429);
  });

  it('does not limit writes', async () => {
    expect((await editor.request('PUT', page, { status: 'draft', fields: { summary: 'Still editing' } })).status).toBe(
      200,
    );
  });
});
