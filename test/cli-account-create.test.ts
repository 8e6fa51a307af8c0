import { describe, expect, it } from 'vitest';
import { DIALECTS, type DialectUnderTest } from './helpers/databases.js';
import { READ_TOKEN, useCli, WRITE_TOKEN } from './helpers/cli-workspace.js';

// `ghee account create` (docs/api.md §10): one JSON document with the account and its two
// tokens, tokens that work at once, and refusals that create nothing.

const REFUSALS: [string, string[], number, string][] = [
  ['an unknown plan', ['--name', 'X', '--plan', 'gold'], 1, 'Unknown plan "gold"'],
  ['a locale that is not a locale slug', ['--name', 'X', '--locales', 'EN'], 1, 'Locale "EN" is not a locale slug'],
  [
    'more locales than the plan allows',
    ['--name', 'X', '--plan', 'free', '--locales', 'en,es'],
    1,
    'The free plan allows 1 locale(s), not 2',
  ],
  ['a blank --name', ['--name', '   '], 1, 'An account needs a name'],
  ['a missing --name', ['--plan', 'free'], 2, 'usage: ghee account create --name NAME'],
  ['an unknown flag', ['--name', 'X', '--colour', 'red'], 2, 'usage: ghee account create --name NAME'],
];

describe.each(DIALECTS)('ghee account create (%s)', (dialect: DialectUnderTest) => {
  const { workspace, run, runProcess, apiServer, read, accountCount } = useCli(dialect);

  it('--json prints exactly one JSON document with the new account and its two tokens (in-process)', async () => {
    const ws = await workspace();
    const result = await run(ws, ['account', 'create', '--name', 'Acme Kitchens', '--json']);
    expect(result.code).toBe(0);
    expect(result.out).toHaveLength(1);
    const doc = JSON.parse(result.out[0]!);
    expect(Object.keys(doc).sort()).toEqual(['id', 'name', 'plan', 'read_token', 'write_token']);
    expect(doc).toMatchObject({ id: expect.any(Number), name: 'Acme Kitchens', plan: 'enterprise' });
    expect(doc.id).toBeGreaterThan(0);
    expect(doc.read_token).toMatch(READ_TOKEN);
    expect(doc.write_token).toMatch(WRITE_TOKEN);
    expect(doc.read_token.slice(7)).not.toBe(doc.write_token.slice(7));
  });

  it('--json as a real process: stdout is one JSON document, the tokens work, and each account gets new ones', async () => {
    const ws = await workspace();
    const first = await runProcess(ws, ['account', 'create', '--name', 'First', '--plan', 'trial', '--json']);
    expect(first.code).toBe(0);
    const doc = JSON.parse(first.stdout);
    expect(first.stdout.trim().split('\n')).toHaveLength(1);
    expect(Object.keys(doc).sort()).toEqual(['id', 'name', 'plan', 'read_token', 'write_token']);
    expect(doc).toMatchObject({ name: 'First', plan: 'trial' });
    expect(doc.read_token).toMatch(READ_TOKEN);
    expect(doc.write_token).toMatch(WRITE_TOKEN);

    const second = JSON.parse((await runProcess(ws, ['account', 'create', '--name', 'Second', '--json'])).stdout);
    expect(second.id).not.toBe(doc.id);
    expect(second.read_token).not.toBe(doc.read_token);

    const server = await apiServer(ws);
    // The account exists (no content yet): the token is accepted, the page is not there.
    expect(await read(server, doc.read_token)).toEqual({
      status: 404,
      body: { detail: 'Page matching query does not exist' },
    });
    expect(await read(server, doc.write_token)).toEqual({
      status: 404,
      body: { detail: 'Page matching query does not exist' },
    });
  });

  it.for<[string, string[], number, string]>(REFUSALS)(
    '%s: non-zero exit, a message, nothing created',
    async ([_name, flags, code, message]) => {
      const ws = await workspace();
      const result = await run(ws, ['account', 'create', ...flags, '--json']);
      expect(result.code).toBe(code);
      expect(result.out).toEqual([]);
      expect(result.stderr).toContain(message);
      expect(await accountCount(ws)).toBe(0);
    },
  );

  it('a bad plan as a real process: exit 1, the message on stderr, nothing on stdout', async () => {
    const ws = await workspace();
    const result = await runProcess(ws, ['account', 'create', '--name', 'X', '--plan', 'gold', '--json']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(
      'Unknown plan "gold"; plans are free, trial, basic, advanced, professional, enterprise',
    );
    expect(await accountCount(ws)).toBe(0);
  });
});
