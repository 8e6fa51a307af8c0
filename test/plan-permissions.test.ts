import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OPERATOR } from '../src/accounts/plan-policy.js';
import { configurePlans } from '../src/accounts/plans.js';
import { setPlan } from '../src/accounts/set-plan.js';
import { cliActor } from '../src/audit/actor.js';
import { main } from '../src/cli/main.js';
import type { CliIo } from '../src/cli/io.js';
import { loadConfig } from '../src/config.js';
import { member, type AdminClient } from './helpers/admin.js';
import { DIALECTS } from './helpers/databases.js';
import { demoServer, type TestServer } from './helpers/server.js';

// Plans and per-account limits are the install operator's (docs/quotas.md): an owner may only move
// the account to a plan the operator marked self-service, and never change or clear its monthly
// call limit; an operator (the CLI, or a user `ghee user set-operator` flagged) may do both.

const FORBIDDEN = { detail: 'You do not have permission to perform this action' };
const NOT_SELF_SERVICE = (plan: string) => ({
  detail: `Only the operator of this Ghee install can move an account to the ${plan} plan.`,
});
const LIMIT_IS_OPERATORS = {
  detail: "Only the operator of this Ghee install can change an account's monthly call limit.",
};

describe.each(DIALECTS)('who sets plans and limits (%s)', (dialect) => {
  let s: TestServer;
  let dir: string;
  let owner: AdminClient;
  let admin: AdminClient;
  let plansUrl: string;
  let planUrl: string;
  let cliOut: string[];
  let cliErr: string[];
  const cli = (...argv: string[]) => {
    cliOut = [];
    cliErr = [];
    const io: CliIo = {
      out: (t) => cliOut.push(t),
      err: (t) => cliErr.push(t),
      env: {},
      config: loadConfig({}, { databaseUrl: s.store.url, dataDir: dir }),
    };
    return main(argv, io);
  };
  const account = () =>
    s.store.db
      .selectFrom('accounts')
      .select(['plan', 'monthly_call_limit'])
      .where('id', '=', s.demo.id)
      .executeTakeFirstOrThrow();

  beforeAll(async () => {
    s = await demoServer(dialect);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ghee-plans-'));
    owner = await member(s.app, s.store, s.demo.id, 'owner');
    admin = await member(s.app, s.store, s.demo.id, 'admin');
    plansUrl = `/admin/api/accounts/${s.demo.id}/plans`;
    planUrl = `/admin/api/accounts/${s.demo.id}/plan`;
  });
  afterAll(async () => {
    configurePlans(undefined);
    await s?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  // Each case starts on the operator's choice: professional, with an override of 2,000 calls.
  beforeEach(async () => {
    configurePlans(undefined);
    await setPlan(s.store.db, s.demo.id, { plan: 'professional', monthlyCallLimit: 2000 }, OPERATOR, cliActor());
  });
  const selfService = (plans: Record<string, unknown>) => {
    const file = path.join(dir, 'plans.json');
    fs.writeFileSync(file, JSON.stringify(plans));
    configurePlans(file);
  };

  describe('with no PLANS_FILE (no plan is self-service)', () => {
    it('an owner cannot move the account to another plan: 403', async () => {
      expect(await owner.request('PUT', planUrl, { plan: 'enterprise' })).toMatchObject({
        status: 403,
        body: NOT_SELF_SERVICE('enterprise'),
      });
      expect(await account()).toEqual({ plan: 'professional', monthly_call_limit: 2000 });
    });

    it('an owner sees only the current plan to pick, and no limit to change', async () => {
      const res = await owner.get(plansUrl);
      expect(res.body).toEqual({
        data: {
          plans: [
            {
              name: 'professional',
              self_service: false,
              current: true,
              features: {
                monthly_calls: 1000000,
                blocked_over_limit: false,
                write_api: true,
                locales: 10,
                webhooks: true,
              },
            },
          ],
          may_change_limit: false,
        },
      });
    });
  });

  describe('with basic and free marked self-service', () => {
    beforeEach(() => selfService({ basic: { self_service: true }, free: { self_service: true } }));

    it("an owner moves the account to a self-service plan; the operator's limit stays", async () => {
      const res = await owner.request('PUT', planUrl, { plan: 'basic' });
      expect(res.status).toBe(200);
      expect(res.body.data).toMatchObject({ plan: 'basic', monthly_call_limit: 2000 });
      expect(await account()).toEqual({ plan: 'basic', monthly_call_limit: 2000 });
    });

    it('an owner still cannot pick a plan that is not self-service', async () => {
      expect(await owner.request('PUT', planUrl, { plan: 'enterprise' })).toMatchObject({
        status: 403,
        body: NOT_SELF_SERVICE('enterprise'),
      });
      expect(await account()).toEqual({ plan: 'professional', monthly_call_limit: 2000 });
    });

    it.for([
      ['clears', null],
      ['raises', 1_000_000],
      ['lowers', 10],
    ] as const)('an owner cannot change the monthly call limit (%s it): 403', async ([, limit]) => {
      expect(await owner.request('PUT', planUrl, { plan: 'basic', monthly_call_limit: limit })).toMatchObject({
        status: 403,
        body: LIMIT_IS_OPERATORS,
      });
      expect(await owner.request('PUT', planUrl, { plan: 'professional', monthly_call_limit: limit })).toMatchObject({
        status: 403,
        body: LIMIT_IS_OPERATORS,
      });
      expect(await account()).toEqual({ plan: 'professional', monthly_call_limit: 2000 });
    });

    it("an owner sees the self-service plans and the current one, in the plans' order", async () => {
      const res = await owner.get(plansUrl);
      expect(
        res.body.data.plans.map((p: { name: string; current: boolean; self_service: boolean }) => [
          p.name,
          p.current,
          p.self_service,
        ]),
      ).toEqual([
        ['free', false, true],
        ['basic', false, true],
        ['professional', true, false],
      ]);
      expect(res.body.data.may_change_limit).toBe(false);
    });

    it('an admin cannot change the plan, not even to a self-service one: 403, and is offered none', async () => {
      expect(await admin.request('PUT', planUrl, { plan: 'basic' })).toMatchObject({ status: 403, body: FORBIDDEN });
      expect((await admin.get(plansUrl)).body.data).toEqual({ plans: [], may_change_limit: false });
    });
  });

  describe('an install operator', () => {
    let operator: AdminClient;
    beforeAll(async () => {
      operator = await member(s.app, s.store, s.demo.id, 'editor', 'operator@example.test');
    });

    it('is made by `ghee user set-operator` (and only by the CLI)', async () => {
      expect(await cli('user', 'set-operator', '--email', 'Operator@Example.test', '--json')).toBe(0);
      expect(JSON.parse(cliOut[0]!)).toEqual({ email: 'operator@example.test', operator: true });
      expect(await cli('user', 'set-operator', '--email', 'nobody@example.test')).toBe(1);
      expect(cliErr).toEqual(['No user with the email nobody@example.test']);
      expect(await cli('user', 'set-operator')).toBe(2);
    });

    it('moves the account to any plan and clears its limit, whatever their role', async () => {
      await cli('user', 'set-operator', '--email', 'operator@example.test');
      const res = await operator.request('PUT', planUrl, { plan: 'enterprise', monthly_call_limit: null });
      expect(res.status).toBe(200);
      expect(await account()).toEqual({ plan: 'enterprise', monthly_call_limit: null });
    });

    it('sets a limit, and is offered every plan and the limit', async () => {
      await cli('user', 'set-operator', '--email', 'operator@example.test');
      expect((await operator.request('PUT', planUrl, { plan: 'free', monthly_call_limit: 500 })).status).toBe(200);
      expect(await account()).toEqual({ plan: 'free', monthly_call_limit: 500 });
      const offered = (await operator.get(plansUrl)).body.data;
      expect(offered.plans.map((p: { name: string }) => p.name)).toEqual([
        'free',
        'trial',
        'basic',
        'advanced',
        'professional',
        'enterprise',
      ]);
      expect(offered.may_change_limit).toBe(true);
    });

    it.for([
      [
        'an unknown plan',
        { plan: 'gold' },
        { plan: ['Unknown plan "gold"; plans are free, trial, basic, advanced, professional, enterprise'] },
      ],
      [
        'a negative limit',
        { plan: 'free', monthly_call_limit: -1 },
        { monthly_call_limit: ['The monthly call limit must be a non-negative integer'] },
      ],
    ] as const)('gets %s refused as the error of its field, nothing changed', async ([, body, fields]) => {
      await cli('user', 'set-operator', '--email', 'operator@example.test');
      expect(await operator.request('PUT', planUrl, body)).toMatchObject({
        status: 400,
        body: { detail: { fields }, code: 'validation' },
      });
      expect(await account()).toEqual({ plan: 'professional', monthly_call_limit: 2000 });
    });

    it('is an editor again from the next request after `--off`', async () => {
      await cli('user', 'set-operator', '--email', 'operator@example.test');
      expect(await cli('user', 'set-operator', '--email', 'operator@example.test', '--off')).toBe(0);
      expect(cliOut).toEqual(['operator@example.test is no longer an operator of this install']);
      expect(await operator.request('PUT', planUrl, { plan: 'enterprise' })).toMatchObject({
        status: 403,
        body: FORBIDDEN,
      });
    });
  });

  it('`ghee account set-plan` (the operator) sets any plan and clears the limit', async () => {
    expect(
      await cli('account', 'set-plan', String(s.demo.id), 'enterprise', '--monthly-call-limit', 'none', '--json'),
    ).toBe(0);
    expect(JSON.parse(cliOut[0]!)).toEqual({ id: s.demo.id, plan: 'enterprise', monthly_call_limit: null });
  });
});
