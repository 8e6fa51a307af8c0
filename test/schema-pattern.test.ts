import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { loadConfig } from '../src/config.js';
import { DIALECTS } from './helpers/databases.js';
import { demoAdmin, type AdminClient } from './helpers/admin.js';
import { healthWhile } from './helpers/liveness.js';
import type { TestServer } from './helpers/server.js';

// A schema field's `pattern` runs on RE2 (docs/schema.md): linear in the value whatever the
// pattern, on values of at most 10,000 characters; patterns RE2 cannot run are refused when the
// schema is applied, and one stored before (an older install) refuses writes to its field, never a 500.

const RE2_HINT = 'patterns use RE2 syntax (no lookahead, lookbehind or backreferences)';
const NO_MATCH = 'This value does not match the required pattern.';
const UNUSABLE =
  "This field's pattern is not valid RE2 syntax, so no value can be checked against it. Fix the pattern in the schema.";

describe.each(DIALECTS)('schema field patterns on RE2 (%s)', (dialect) => {
  let s: TestServer;
  let admin: AdminClient;
  let base: string;

  beforeAll(async () => {
    ({ s, admin, base } = await demoAdmin(dialect));
  });
  afterAll(async () => {
    await s?.close();
  });

  /** The account's schema document with a `codes` collection whose `code` field has `pattern`. */
  const withPattern = async (pattern: unknown) => {
    const doc = (await admin.get(`${base}/schema`)).body.data;
    doc.collections.codes = {
      name: 'Codes',
      fields: { code: { type: 'short_text', pattern }, note: { type: 'short_text' } },
    };
    return doc;
  };
  const writeCode = (code: string) => s.send('POST', '/v2/content/codes/', { status: 'published', fields: [{ code }] });

  it.for([
    ['(?=a)b', 'invalid perl operator: (?='],
    ['(?<!a)b', 'invalid perl operator: (?<!'],
    ['(a)\\1', 'invalid escape sequence: \\1'],
    ['(', 'missing ): ('],
  ])('refuses %s through the admin API, naming the field and RE2', async ([pattern, reason]) => {
    const res = await admin.request('PUT', `${base}/schema`, await withPattern(pattern));
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      detail: {
        message: 'The schema document is invalid.',
        errors: [`collections.codes.fields.code.pattern: not a valid RE2 pattern: ${reason}; ${RE2_HINT}`],
      },
      code: 'invalid_schema',
    });
  });

  it('refuses a lookahead through `ghee schema apply`, with the same line', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ghee-pattern-'));
    try {
      const file = path.join(dir, 'schema.json');
      fs.writeFileSync(file, JSON.stringify(await withPattern('^(?!admin)[a-z]+$')));
      const out: string[] = [];
      const err: string[] = [];
      const io = {
        out: (t: string) => out.push(t),
        err: (t: string) => err.push(t),
        env: {},
        config: loadConfig({}, { databaseUrl: s.store.url, dataDir: dir }),
      };
      expect(await main(['schema', 'apply', '--account', String(s.demo.id), file], io)).toBe(1);
      expect(err.join('\n')).toBe(
        `The schema document is invalid:\ncollections.codes.fields.code.pattern: not a valid RE2 pattern: invalid perl operator: (?!; ${RE2_HINT}`,
      );
      expect(out).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a pattern longer than 1000 characters', async () => {
    const res = await admin.request('PUT', `${base}/schema`, await withPattern('a'.repeat(1001)));
    expect(res.body.detail.errors).toEqual([
      `collections.codes.fields.code.pattern: not a valid RE2 pattern: longer than 1000 characters; ${RE2_HINT}`,
    ]);
  });

  describe('with ^(a+)+$ applied', () => {
    beforeAll(async () => {
      expect((await admin.request('PUT', `${base}/schema`, await withPattern('^(a+)+$'))).status).toBe(200);
    });

    it('refuses a 40-character near-match at once, /healthz answering within 100 ms meanwhile', async () => {
      const started = performance.now();
      const { result, slowestMs } = await healthWhile(s.app, () => writeCode(`${'a'.repeat(39)}!`));
      expect(performance.now() - started).toBeLessThan(1000);
      expect(slowestMs).toBeLessThan(100);
      expect(result).toEqual({
        status: 400,
        headers: expect.anything(),
        body: { detail: { fields: { code: [NO_MATCH] } } },
      });
    });

    it('refuses a 10,000-character near-match within 100 ms', async () => {
      const started = performance.now();
      const res = await writeCode(`${'a'.repeat(9_999)}!`);
      expect(performance.now() - started).toBeLessThan(100);
      expect(res.body).toEqual({ detail: { fields: { code: [NO_MATCH] } } });
    });

    it('accepts a 10,000-character match', async () => {
      expect((await writeCode('a'.repeat(10_000))).status).toBe(202);
    });

    it('refuses a value of over 10,000 characters without running the pattern', async () => {
      const res = await writeCode('a'.repeat(10_001));
      expect(res).toMatchObject({
        status: 400,
        body: { detail: { fields: { code: ['Ensure this field has no more than 10000 characters.'] } } },
      });
    });
  });

  describe('with a pattern stored before patterns ran on RE2', () => {
    beforeAll(async () => {
      expect((await admin.request('PUT', `${base}/schema`, await withPattern('^[a-z]+$'))).status).toBe(200);
      // An older Ghee took JavaScript patterns: put one straight into the stored schema.
      const type = await s.store.db
        .selectFrom('content_types')
        .select(['id', 'fields'])
        .where('account_id', '=', s.demo.id)
        .where('key', '=', 'codes')
        .executeTakeFirstOrThrow();
      const fields = JSON.parse(type.fields);
      fields.code.pattern = '^(?!admin$)[a-z]+$';
      await s.store.db
        .updateTable('content_types')
        .set({ fields: JSON.stringify(fields) })
        .where('id', '=', type.id)
        .execute();
      await s.store.db
        .updateTable('accounts')
        .set((eb) => ({ schema_version: eb('schema_version', '+', 1) }))
        .where('id', '=', s.demo.id)
        .execute();
    });

    it('refuses a value for that field with a 400 that says why', async () => {
      expect(await writeCode('anything')).toMatchObject({
        status: 400,
        body: { detail: { fields: { code: [UNUSABLE] } } },
      });
    });

    it('still takes writes that leave that field empty', async () => {
      expect(
        (await s.send('POST', '/v2/content/codes/', { status: 'published', fields: [{ note: 'no code' }] })).status,
      ).toBe(202);
    });

    it('refuses to apply the document again until the pattern is fixed', async () => {
      const doc = (await admin.get(`${base}/schema`)).body.data;
      const res = await admin.request('PUT', `${base}/schema`, doc);
      expect(res.body.detail.errors).toEqual([
        `collections.codes.fields.code.pattern: not a valid RE2 pattern: invalid perl operator: (?!; ${RE2_HINT}`,
      ]);
    });
  });
});
