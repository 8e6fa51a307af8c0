import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { configurePlans, DEFAULT_PLANS, parsePlansFile } from '../src/accounts/plans.js';
import { HistoryHousekeeper } from '../src/history/retention/history-housekeeper.js';
import { pruneVersions } from '../src/history/retention/prune-versions.js';
import { DAY_MS, postBody } from './helpers/blog.js';
import { DIALECTS } from './helpers/databases.js';
import { landingBody } from './helpers/landing-body.js';
import { demoServer, type TestServer } from './helpers/server.js';
import { seedDemo } from '../src/seed/seed-demo.js';
import type { CreatedAccount } from '../src/accounts/accounts.js';

// Versions kept per plan (docs/api.md §12.4): per page and locale, the newest and the newest
// published always stay; of the others, those past the plan's count or days go.

describe.each(DIALECTS)('history retention of versions (%s)', (dialect) => {
  let s: TestServer;
  let housekeeper: HistoryHousekeeper;
  beforeAll(async () => {
    s = await demoServer(dialect);
    housekeeper = new HistoryHousekeeper(s.store.db, () => new Date(), { auditRetentionDays: 100_000 });
  });
  afterAll(async () => {
    await housekeeper?.stop();
    await s?.close();
  });
  afterEach(() => configurePlans(undefined));

  let n = 0;
  /** An account of its own for each case (the demo schema), so one case's plan leaves the others alone. */
  const newAccount = () => seedDemo(s.store, `Retention ${++n}`);

  /** A page written `drafts` times as a draft after its published create; its en version ids, oldest first. */
  async function editedPage(account: CreatedAccount, slug: string, drafts: number): Promise<number[]> {
    const token = account.write_token;
    expect((await s.send('POST', '/v2/pages/', landingBody(slug), token)).status).toBe(202);
    for (let i = 1; i <= drafts; i++) {
      const body = { status: 'draft', fields: { headline: `Draft ${i}` } };
      expect((await s.send('PATCH', `/v2/pages/landing_page/${slug}/`, body, token)).status).toBe(202);
    }
    return (await versionsOf(slug)).map((v) => v.id);
  }

  async function versionsOf(slug: string) {
    return s.store.db
      .selectFrom('versions as v')
      .innerJoin('entries as e', 'e.id', 'v.subject_id')
      .select(['v.id', 'v.status', 'v.created'])
      .where('v.kind', '=', 'page')
      .where('e.slug', '=', slug)
      .where('v.locale', '=', 'en')
      .orderBy('v.id')
      .execute();
  }

  const onPlan = (account: CreatedAccount, plan: string) =>
    s.store.db.updateTable('accounts').set({ plan }).where('id', '=', account.id).execute();

  /** Dates the versions back by `days`, as if they had been written then. */
  const ageVersions = (ids: number[], days: number) =>
    s.store.db
      .updateTable('versions')
      .set({ created: new Date(Date.now() - days * DAY_MS).toISOString() })
      .where('id', 'in', ids)
      .execute();

  /** One pass as the server runs it; audit records are kept out of it (their own test). */
  const pass = () => housekeeper.tick();

  it('keeps the plan defaults: free and trial 10 / 30 days, basic 50 / 90, paid plans everything', () => {
    const kept = Object.fromEntries(
      Object.values(DEFAULT_PLANS).map((p) => [p.name, [p.versionsKept, p.versionsDays]]),
    );
    expect(kept).toEqual({
      free: [10, 30],
      trial: [10, 30],
      basic: [50, 90],
      advanced: [null, null],
      professional: [null, null],
      enterprise: [null, null],
    });
  });

  it('drops the versions past the count kept, keeping the newest published one', async () => {
    const account = await newAccount();
    const ids = await editedPage(account, 'counted', 13);
    expect(ids).toHaveLength(14);
    await onPlan(account, 'free');
    expect((await pass())?.versions).toBe(3);
    // The create (the newest published) and the ten newest drafts stay.
    expect((await versionsOf('counted')).map((v) => v.id)).toEqual([ids[0], ...ids.slice(4)]);
    await onPlan(account, 'enterprise');
  });

  it('drops the versions older than the days kept, never the newest nor the newest published', async () => {
    const account = await newAccount();
    const ids = await editedPage(account, 'aged', 4);
    await ageVersions(ids, 40);
    await onPlan(account, 'free');
    await pass();
    const left = await versionsOf('aged');
    expect(left.map((v) => v.id)).toEqual([ids[0], ids[4]]);
    expect(left.map((v) => v.status)).toEqual(['published', 'draft']);
    await onPlan(account, 'enterprise');
  });

  it('keeps the versions younger than the days kept', async () => {
    const account = await newAccount();
    const ids = await editedPage(account, 'young', 4);
    await ageVersions(ids.slice(0, 2), 40);
    await onPlan(account, 'free');
    await pass();
    // ids[0] is old but the newest published; ids[1] is old; the rest are young.
    expect((await versionsOf('young')).map((v) => v.id)).toEqual([ids[0], ...ids.slice(2)]);
    await onPlan(account, 'enterprise');
  });

  it('keeps a lone old version: it is the newest', async () => {
    const account = await newAccount();
    const ids = await editedPage(account, 'lone', 0);
    await ageVersions(ids, 400);
    await onPlan(account, 'free');
    await pass();
    expect((await versionsOf('lone')).map((v) => v.id)).toEqual(ids);
    await onPlan(account, 'enterprise');
  });

  it.for(['advanced', 'professional', 'enterprise'])('keeps every version on the %s plan', async (plan) => {
    const account = await newAccount();
    const ids = await editedPage(account, `paid-${plan}`, 12);
    await ageVersions(ids, 400);
    await onPlan(account, plan);
    expect(await pass()).toEqual({ versions: 0, audit: 0, trash: 0 });
    expect((await versionsOf(`paid-${plan}`)).map((v) => v.id)).toEqual(ids);
  });

  it('follows the plans file: versions_kept and versions_days', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ghee-plans-')), 'plans.json');
    fs.writeFileSync(file, JSON.stringify({ team: { versions_kept: 2, versions_days: null } }));
    configurePlans(file);
    const account = await newAccount();
    const ids = await editedPage(account, 'by-file', 4);
    await ageVersions(ids, 4000);
    await onPlan(account, 'team');
    await pass();
    expect((await versionsOf('by-file')).map((v) => v.id)).toEqual([ids[0], ids[3], ids[4]]);
    await onPlan(account, 'enterprise');
  });

  it('does bounded work per call and resumes where it stopped', async () => {
    const account = await newAccount();
    const first = await editedPage(account, 'budget-a', 13);
    const second = await editedPage(account, 'budget-b', 13);
    await onPlan(account, 'free');
    const one = await pruneVersions(s.store.db, new Date(), null, { maxGroups: 100, maxDeletes: 2 });
    expect(one.deleted).toBe(2);
    expect(one.cursor).toMatchObject({ accountId: account.id });
    const two = await pruneVersions(s.store.db, new Date(), one.cursor, { maxGroups: 1, maxDeletes: 100 });
    expect(two.deleted).toBe(1);
    expect((await versionsOf('budget-a')).map((v) => v.id)).toEqual([first[0], ...first.slice(4)]);
    expect(await versionsOf('budget-b')).toHaveLength(14);
    const three = await pruneVersions(s.store.db, new Date(), two.cursor, { maxGroups: 100, maxDeletes: 100 });
    expect(three).toEqual({ deleted: 3, cursor: null });
    expect((await versionsOf('budget-b')).map((v) => v.id)).toEqual([second[0], ...second.slice(4)]);
    await onPlan(account, 'enterprise');
  });

  it('prunes the versions of posts the same way', async () => {
    const account = await newAccount();
    const token = account.write_token;
    expect((await s.send('POST', '/v2/posts/', postBody('pruned-post', { status: 'draft' }), token)).status).toBe(202);
    for (let i = 1; i <= 12; i++)
      expect((await s.send('PATCH', '/v2/posts/pruned-post/', { title: `Pruned ${i}` }, token)).status).toBe(202);
    await onPlan(account, 'trial');
    await pass();
    const left = await s.store.db
      .selectFrom('versions')
      .select('name')
      .where('kind', '=', 'post')
      .where('account_id', '=', account.id)
      .where('slug', '=', 'pruned-post')
      .orderBy('id')
      .execute();
    expect(left.map((v) => v.name)).toEqual(Array.from({ length: 10 }, (_, i) => `Pruned ${i + 3}`));
    await onPlan(account, 'enterprise');
  });
});

describe('plans file: history settings', () => {
  it('reads versions_kept and versions_days, null keeping all', () => {
    const plans = parsePlansFile(
      JSON.stringify({ free: { versions_kept: 5, versions_days: 7 }, basic: { versions_kept: null } }),
      'p.json',
    );
    expect([plans.free!.versionsKept, plans.free!.versionsDays]).toEqual([5, 7]);
    expect([plans.basic!.versionsKept, plans.basic!.versionsDays]).toEqual([null, 90]);
    expect(parsePlansFile('{"team": {}}', 'p.json').team).toMatchObject({ versionsKept: null, versionsDays: null });
  });

  it.for([
    ['{"free": {"versions_kept": 0}}', 'p.json: free.versions_kept must be a positive whole number or null'],
    ['{"free": {"versions_days": 1.5}}', 'p.json: free.versions_days must be a positive whole number or null'],
    ['{"free": {"versions_days": "30"}}', 'p.json: free.versions_days must be a positive whole number or null'],
  ])('refuses %s', ([text, message]) => {
    expect(() => parsePlansFile(text!, 'p.json')).toThrow(message);
  });
});
