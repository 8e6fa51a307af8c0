import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../src/cli/io.js';
import { main } from '../src/cli/main.js';
import { loadConfig } from '../src/config.js';
import { listen, type RunningServer } from '../src/server.js';
import { AUTHOR_KEYS } from './helpers/blog.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from './helpers/databases.js';

// `ghee author create|list` (docs/api.md §10), in-process; the authors it makes are served by
// /v2/authors/ and can write posts.

describe.each(DIALECTS)('ghee author (%s)', (dialect) => {
  let database: TestDatabase;
  let dataDir: string;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ghee-author-cli-'));
  });
  afterAll(async () => {
    await database?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function run(argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = {
      out: (t) => out.push(t),
      err: (t) => err.push(t),
      env: {},
      config: loadConfig({}, { databaseUrl: database.url, dataDir }),
    };
    const code = await main(argv, io);
    return { code, stdout: out.join('\n'), stderr: err.join('\n') };
  }

  it("creates an author in the only account; the account's owner is already its default author", async () => {
    const account = await run([
      'account',
      'create',
      '--name',
      'Writers Inc',
      '--email',
      'Owner@Writers.example',
      '--json',
    ]);
    expect(account.code).toBe(0);
    const created = await run([
      'author',
      'create',
      '--first-name',
      'Ada',
      '--last-name',
      'Lovelace',
      '--email',
      'Ada@Example.com',
      '--json',
    ]);
    expect(created.code).toBe(0);
    const author = JSON.parse(created.stdout);
    expect(Object.keys(author)).toEqual(AUTHOR_KEYS);
    expect(author).toMatchObject({
      first_name: 'Ada',
      last_name: 'Lovelace',
      email: 'ada@example.com',
      slug: 'ada-lovelace',
    });
    const listed = await run(['author', 'list', '--json']);
    expect(JSON.parse(listed.stdout).map((a: { slug: string; email: string }) => [a.slug, a.email])).toEqual([
      ['writers-inc', 'owner@writers.example'],
      ['ada-lovelace', 'ada@example.com'],
    ]);
    const plain = await run([
      'author',
      'create',
      '--first-name',
      'Ada',
      '--last-name',
      'Lovelace',
      '--email',
      'ada2@example.com',
      '--slug',
      'countess',
    ]);
    expect(plain).toMatchObject({ code: 0, stdout: expect.stringContaining('author countess') });
  });

  it('serves the new authors and lets posts name them', async () => {
    const { write_token: _w, ...account } = JSON.parse(
      (await run(['account', 'create', '--name', 'Second', '--json'])).stdout,
    );
    expect(
      (
        await run([
          'author',
          'create',
          '--account',
          String(account.id),
          '--first-name',
          'Grace',
          '--last-name',
          'Hopper',
          '--email',
          'grace@example.com',
        ])
      ).code,
    ).toBe(0);
    const config = loadConfig(
      {},
      { port: 0, host: '127.0.0.1', databaseUrl: database.url, dataDir, mediaDir: dataDir, logLevel: 'silent' },
    );
    const server: RunningServer = await listen(config, { logger: false });
    try {
      const get = async (url: string) =>
        (
          await fetch(`${server.address}${url}`, { headers: { authorization: `Token ${account.read_token}` } })
        ).json() as Promise<any>;
      expect((await get('/v2/authors/')).data.map((a: { slug: string }) => a.slug)).toEqual(['second', 'grace-hopper']);
      expect((await get('/v2/authors/grace-hopper/')).data).toMatchObject({
        first_name: 'Grace',
        last_name: 'Hopper',
        email: 'grace@example.com',
      });
    } finally {
      await server.close();
    }
  });

  it('refuses taken emails and slugs, bad emails and slugs (exit 1), and bad usage (exit 2), creating nothing', async () => {
    const cases: [string[], number, RegExp][] = [
      [
        ['--account', '1', '--first-name', 'X', '--last-name', 'Y', '--email', 'ADA@example.com'],
        1,
        /An author with email "ada@example.com" already exists/,
      ],
      [
        [
          '--account',
          '1',
          '--first-name',
          'X',
          '--last-name',
          'Y',
          '--email',
          'x@example.com',
          '--slug',
          'ada-lovelace',
        ],
        1,
        /An author with slug "ada-lovelace" already exists/,
      ],
      [
        ['--account', '1', '--first-name', 'X', '--last-name', 'Y', '--email', 'not-an-email'],
        1,
        /"not-an-email" is not an email address/,
      ],
      [
        ['--account', '1', '--first-name', 'X', '--last-name', 'Y', '--email', 'x@example.com', '--slug', 'Bad Slug'],
        1,
        /is not a valid slug/,
      ],
      [
        ['--account', '1', '--first-name', ' ', '--last-name', 'Y', '--email', 'x@example.com'],
        1,
        /needs a first name/,
      ],
      [
        ['--account', '99', '--first-name', 'X', '--last-name', 'Y', '--email', 'x@example.com'],
        1,
        /No account with id 99/,
      ],
      [['--first-name', 'X', '--last-name', 'Y', '--email', 'x@example.com'], 1, /Several accounts exist/],
      [['--account', '1', '--first-name', 'X', '--email', 'x@example.com'], 2, /^usage: ghee author create/],
      [['--account', '1', '--nickname', 'X'], 2, /^usage: ghee author create/],
    ];
    for (const [flags, code, message] of cases) {
      const r = await run(['author', 'create', ...flags]);
      expect({ flags, code: r.code, stdout: r.stdout }).toEqual({ flags, code, stdout: '' });
      expect(r.stderr).toMatch(message);
    }
    expect((await run(['author', 'remove'])).code).toBe(2);
    expect(JSON.parse((await run(['author', 'list', '--account', '1', '--json'])).stdout)).toHaveLength(3);
  });
});
