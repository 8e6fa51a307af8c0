import { describe, expect, it } from 'vitest';
import { DIALECTS, type DialectUnderTest } from './helpers/databases.js';
import { READ_TOKEN, useCli, WRITE_TOKEN, type Workspace } from './helpers/cli-workspace.js';

// `ghee token create|list|revoke` (docs/api.md §10): new tokens that read, lists that never show
// a secret, revocation a running server honours at once, and `--account` when several exist.

describe.each(DIALECTS)('ghee token (%s)', (dialect: DialectUnderTest) => {
  const { workspace, run, runProcess, apiServer, read } = useCli(dialect);

  /** Creates the accounts Alpha (enterprise) and Beta (free) in `ws`. */
  async function alphaAndBeta(ws: Workspace) {
    const a = JSON.parse((await run(ws, ['account', 'create', '--name', 'Alpha', '--json'])).stdout);
    const b = JSON.parse((await run(ws, ['account', 'create', '--name', 'Beta', '--plan', 'free', '--json'])).stdout);
    return { a, b };
  }

  it('token create --kind read --json: one document with a new read token that reads', async () => {
    const ws = await workspace();
    const account = JSON.parse((await run(ws, ['account', 'create', '--name', 'Tokens', '--json'])).stdout);
    const created = await run(ws, ['token', 'create', '--kind', 'read', '--json']);
    expect(created.code).toBe(0);
    expect(created.out).toHaveLength(1);
    const doc = JSON.parse(created.out[0]!);
    expect(Object.keys(doc).sort()).toEqual(['id', 'kind', 'token']);
    expect(doc.kind).toBe('read');
    expect(doc.token).toMatch(READ_TOKEN);
    expect(doc.token).not.toBe(account.read_token);

    const write = JSON.parse((await run(ws, ['token', 'create', '--kind', 'write', '--json'])).stdout);
    expect(write.token).toMatch(WRITE_TOKEN);

    const server = await apiServer(ws);
    expect((await read(server, doc.token)).status).toBe(404); // accepted; the account has no pages
  });

  it.for<[string, string[]]>([
    ['no --kind', []],
    ['--kind admin', ['--kind', 'admin']],
  ])('token create without a valid --kind is a usage error: %s', async ([_label, flags]) => {
    const ws = await workspace();
    await run(ws, ['account', 'create', '--name', 'Tokens']);
    const result = await run(ws, ['token', 'create', ...flags, '--json']);
    expect(result.code).toBe(2);
    expect(result.out).toEqual([]);
    expect(result.stderr).toContain('usage: ghee token create');
  });

  it('token list --json: every token with its prefix and last four characters, never a secret', async () => {
    const ws = await workspace();
    const account = JSON.parse((await run(ws, ['account', 'create', '--name', 'Tokens', '--json'])).stdout);
    const extra = JSON.parse((await run(ws, ['token', 'create', '--kind', 'read', '--label', 'ci', '--json'])).stdout);
    const listed = await run(ws, ['token', 'list', '--json']);
    expect(listed.code).toBe(0);
    expect(listed.out).toHaveLength(1);
    const tokens = JSON.parse(listed.stdout);
    const secrets = [account.read_token, account.write_token, extra.token] as string[];
    for (const secret of secrets) {
      expect(listed.stdout).not.toContain(secret.slice(7));
      expect(listed.stdout).not.toContain(secret.slice(7, 20));
    }
    expect(tokens).toEqual(
      secrets.map((secret, i) => ({
        id: expect.any(Number),
        kind: i === 1 ? 'write' : 'read',
        prefix: secret.slice(0, 7),
        last4: secret.slice(-4),
        label: expect.any(String),
        created: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/),
        last_used: null,
        revoked: false,
      })),
    );
    expect(tokens[2].id).toBe(extra.id);
    expect(tokens[2].label).toBe('ci');
  });

  it('token revoke by id (a real process): the running server refuses the token at once, others still work', async () => {
    const ws = await workspace();
    const account = JSON.parse((await run(ws, ['account', 'create', '--name', 'Revoke', '--json'])).stdout);
    const extra = JSON.parse((await run(ws, ['token', 'create', '--kind', 'read', '--json'])).stdout);
    const server = await apiServer(ws);
    // Used first, so any cache the server might keep would hold it.
    expect((await read(server, extra.token)).status).toBe(404);
    expect((await read(server, account.read_token)).status).toBe(404);

    const revoked = await runProcess(ws, ['token', 'revoke', String(extra.id)]);
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toContain(`revoked read token ${extra.id}`);
    expect(revoked.stdout).not.toContain(extra.token.slice(7));

    expect(await read(server, extra.token)).toEqual({ status: 401, body: { detail: 'Invalid token' } });
    expect((await read(server, account.read_token)).status).toBe(404);

    const listed = JSON.parse((await run(ws, ['token', 'list', '--json'])).stdout);
    expect(listed.map((t: { id: number; revoked: boolean }) => [t.id, t.revoked])).toEqual([
      [listed[0].id, false],
      [listed[1].id, false],
      [extra.id, true],
    ]);

    const again = await run(ws, ['token', 'revoke', String(extra.id)]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('No active token matches that token or id');
  });

  it('token revoke by the full token works the same', async () => {
    const ws = await workspace();
    const account = JSON.parse((await run(ws, ['account', 'create', '--name', 'Revoke', '--json'])).stdout);
    const server = await apiServer(ws);
    expect((await read(server, account.write_token)).status).toBe(404);
    const revoked = await run(ws, ['token', 'revoke', account.write_token, '--json']);
    expect(revoked.code).toBe(0);
    expect(JSON.parse(revoked.stdout)).toMatchObject({
      kind: 'write',
      last4: account.write_token.slice(-4),
      revoked: true,
    });
    expect(await read(server, account.write_token)).toEqual({ status: 401, body: { detail: 'Invalid token' } });
  });

  it.for<[string, string[]]>([
    ['token list', ['token', 'list', '--json']],
    ['token create', ['token', 'create', '--kind', 'read', '--json']],
  ])('with several accounts, --account is required: non-zero exit listing the accounts: %s', async ([_label, argv]) => {
    const ws = await workspace();
    const { a, b } = await alphaAndBeta(ws);
    const result = await run(ws, argv);
    expect(result.code).toBe(1);
    expect(result.out).toEqual([]);
    expect(result.stderr).toContain('--account');
    expect(result.stderr).toContain(`${a.id}  Alpha (enterprise)`);
    expect(result.stderr).toContain(`${b.id}  Beta (free)`);
  });

  it('with several accounts, --account picks one; an unknown one is refused', async () => {
    const ws = await workspace();
    const { a, b } = await alphaAndBeta(ws);
    const tokensBefore = JSON.parse((await run(ws, ['token', 'list', '--account', String(b.id), '--json'])).stdout);
    expect(tokensBefore.map((t: { kind: string }) => t.kind)).toEqual(['read', 'write']);
    expect(tokensBefore[0].last4).toBe(b.read_token.slice(-4));

    const created = await run(ws, ['token', 'create', '--account', String(a.id), '--kind', 'read', '--json']);
    expect(created.code).toBe(0);
    expect(JSON.parse((await run(ws, ['token', 'list', '--account', String(a.id), '--json'])).stdout)).toHaveLength(3);
    expect(JSON.parse((await run(ws, ['token', 'list', '--account', String(b.id), '--json'])).stdout)).toHaveLength(2);

    const missing = await run(ws, ['token', 'list', '--account', '999', '--json']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('No account with id 999');
  });

  it('as a real process, several accounts without --account: exit 1, the list on stderr, stdout empty', async () => {
    const ws = await workspace();
    await run(ws, ['account', 'create', '--name', 'Alpha']);
    await run(ws, ['account', 'create', '--name', 'Beta']);
    const result = await runProcess(ws, ['token', 'list', '--json']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('Several accounts exist; choose one with --account ID');
    expect(result.stderr).toMatch(/Alpha/);
    expect(result.stderr).toMatch(/Beta/);
  });
});
