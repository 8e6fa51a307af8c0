// NUL and other control characters in locale names and type names (docs/admin-api.md): a 400
// listing the problem, like every other NUL, on both databases (PostgreSQL cannot store NUL in
// text: it was a 500 there), through the admin API, the schema apply and the CLI; nothing changes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../src/cli/io.js';
import { main } from '../src/cli/main.js';
import { loadConfig } from '../src/config.js';
import { demoAdmin, type AdminClient } from './helpers/admin.js';
import { DIALECTS } from './helpers/databases.js';
import type { TestServer } from './helpers/server.js';

const CONTROL = 'must not contain control characters (NUL, line breaks, tabs)';
const INVALID = 'The schema document is invalid.';
const CHARACTERS: Array<[string, string]> = [
  ['NUL', '\u0000'],
  ['a line break', '\n'],
  ['a tab', '\t'],
  ['DEL', '\u007f'],
  ['a C1 control', '\u009b'],
];

describe.each(DIALECTS)('control characters in locale and type names (%s)', (dialect) => {
  let s: TestServer;
  let admin: AdminClient;
  let base: string;
  const english = { slug: 'en', name: 'English', default: true };

  beforeAll(async () => {
    ({ s, admin, base } = await demoAdmin(dialect));
  });

  afterAll(async () => {
    await s?.close();
  });

  const locales = async () =>
    (await admin.get(`${base}/locales`)).body.data.map((l: { slug: string; name: string }) => [l.slug, l.name]);

  it.for(CHARACTERS)('a locale name with %s: 400 naming it, locales unchanged', async ([, character]) => {
    const before = await locales();
    const res = await admin.request('PUT', `${base}/locales`, {
      locales: [english, { slug: 'es', name: `Espa${character}ñol` }],
    });
    expect({ status: res.status, body: res.body }).toEqual({
      status: 400,
      body: { detail: { message: INVALID, errors: [`locales.1.name: ${CONTROL}`] }, code: 'invalid_schema' },
    });
    expect(await locales()).toEqual(before);
  });

  it('a locale slug with NUL: 400, it is not a locale slug', async () => {
    const res = await admin.request('PUT', `${base}/locales`, {
      locales: [english, { slug: 'es\u0000', name: 'Español' }],
    });
    expect({ status: res.status, body: res.body }).toEqual({
      status: 400,
      body: {
        detail: {
          message: INVALID,
          errors: [
            'locales.1.slug: "es\\u0000" is not a locale slug (lowercase letters with an optional region, e.g. en, fr-ca)',
          ],
        },
        code: 'invalid_schema',
      },
    });
  });

  it('the schema apply: a NUL in a locale name and in a page type name, every problem listed', async () => {
    const current = (await admin.get(`${base}/schema`)).body.data;
    const doc = {
      ...current,
      locales: [english, { slug: 'es', name: 'Espa\u0000ñol' }],
      page_types: {
        ...current.page_types,
        landing_page: { ...current.page_types.landing_page, name: 'Landing\u0000page' },
      },
    };
    const res = await admin.request('PUT', `${base}/schema`, doc);
    expect({ status: res.status, body: res.body }).toEqual({
      status: 400,
      body: {
        detail: {
          message: INVALID,
          errors: [`locales.1.name: ${CONTROL}`, `page_types.landing_page.name: ${CONTROL}`],
        },
        code: 'invalid_schema',
      },
    });
    expect((await admin.get(`${base}/schema`)).body.data).toEqual(current);
  });

  it('the CLI: `ghee schema apply` with a NUL in a locale name is exit 1 with the problem', async () => {
    const current = (await admin.get(`${base}/schema`)).body.data;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ghee-locales-'));
    try {
      const file = path.join(dir, 'schema.json');
      fs.writeFileSync(file, JSON.stringify({ ...current, locales: [english, { slug: 'es', name: 'Espa\u0000ñol' }] }));
      const err: string[] = [];
      const io: CliIo = {
        out: () => undefined,
        err: (t) => err.push(t),
        env: {},
        config: loadConfig({}, { databaseUrl: s.store.url, dataDir: dir }),
      };
      expect(await main(['schema', 'apply', file], io)).toBe(1);
      expect(err).toEqual([`The schema document is invalid:\nlocales.1.name: ${CONTROL}`]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    expect(await locales()).toEqual([
      ['en', 'English'],
      ['es', 'Spanish'],
    ]);
  });
});
