import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { configurePlans, DEFAULT_PLANS, parsePlansFile, planNamed } from '../src/accounts/plans.js';
import { billingPeriodAt, billingPeriodOf, periodSeconds, secondsLeft } from '../src/quota/billing-period.js';

describe('plans file', () => {
  afterEach(() => configurePlans(undefined));

  it('overrides defaults setting by setting and adds new plans', () => {
    const plans = parsePlansFile(
      JSON.stringify({
        free: { monthly_calls: 100000 },
        team: { monthly_calls: 250000, blocked_over_limit: true, locales: 5 },
      }),
      'plans.json',
    );
    expect(plans.free).toEqual({ ...DEFAULT_PLANS.free, monthlyCalls: 100000 });
    expect(plans.team).toEqual({
      name: 'team',
      monthlyCalls: 250000,
      blockedOverLimit: true,
      writeApi: true,
      locales: 5,
      webhooks: true,
      selfService: false,
      versionsKept: null,
      versionsDays: null,
    });
    expect(plans.enterprise).toEqual(DEFAULT_PLANS.enterprise);
  });

  it('marks plans self-service only when the file says so', () => {
    expect(Object.values(DEFAULT_PLANS).filter((p) => p.selfService)).toEqual([]);
    const plans = parsePlansFile(JSON.stringify({ basic: { self_service: true }, team: {} }), 'plans.json');
    expect([plans.basic!.selfService, plans.team!.selfService, plans.free!.selfService]).toEqual([true, false, false]);
    expect(() => parsePlansFile('{"basic": {"self_service": "yes"}}', 'p.json')).toThrow(
      'p.json: basic.self_service must be true or false',
    );
  });

  it('refuses anything else, naming the key', () => {
    expect(() => parsePlansFile('{', 'p.json')).toThrow(/^p\.json: not JSON/);
    expect(() => parsePlansFile('[]', 'p.json')).toThrow('p.json: expected an object of plans');
    expect(() => parsePlansFile('{"free": {"calls": 1}}', 'p.json')).toThrow(
      /^p\.json: free\.calls is not a plan setting/,
    );
    expect(() => parsePlansFile('{"free": {"monthly_calls": -1}}', 'p.json')).toThrow(
      'p.json: free.monthly_calls must be a whole number or null',
    );
    expect(() => parsePlansFile('{"free": {"write_api": "yes"}}', 'p.json')).toThrow(
      'p.json: free.write_api must be true or false',
    );
    expect(() => parsePlansFile('{"Free Plan": {}}', 'p.json')).toThrow(/plan name "Free Plan"/);
  });

  it('puts a file in force for every check', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ghee-plans-')), 'plans.json');
    fs.writeFileSync(file, JSON.stringify({ basic: { write_api: true } }));
    configurePlans(file);
    expect(planNamed('basic')?.writeApi).toBe(true);
    expect(planNamed('constructor')).toBeUndefined();
    configurePlans(undefined);
    expect(planNamed('basic')?.writeApi).toBe(false);
  });
});

describe('billing periods', () => {
  it('are calendar months in UTC by default', () => {
    const p = billingPeriodAt(new Date('2026-12-31T23:59:59.999Z'));
    expect(p).toMatchObject({ month: '2026-12', startDay: '2026-12-01', endDay: '2027-01-01' });
    expect(secondsLeft(p, new Date('2026-12-31T23:59:59.999Z'))).toBe(1);
    expect(billingPeriodAt(new Date('2027-01-01T00:00:00.000Z')).month).toBe('2027-01');
  });

  it('start on the anchor day', () => {
    expect(billingPeriodAt(new Date('2026-01-10T00:00:00Z'), 28)).toMatchObject({
      month: '2025-12',
      startDay: '2025-12-28',
      endDay: '2026-01-28',
    });
    expect(billingPeriodAt(new Date('2026-01-28T00:00:00Z'), 28)).toMatchObject({
      month: '2026-01',
      endDay: '2026-02-28',
    });
    expect(periodSeconds(billingPeriodOf('2026-02'))).toBe(28 * 86400);
    expect(periodSeconds(billingPeriodOf('2028-02'))).toBe(29 * 86400);
    expect(billingPeriodOf('2026-02', 15)).toMatchObject({ startDay: '2026-02-15', endDay: '2026-03-15' });
  });
});
