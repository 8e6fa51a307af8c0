import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliActor } from '../src/audit/actor.js';
import type { CliIo } from '../src/cli/io.js';
import { main } from '../src/cli/main.js';
import { loadConfig } from '../src/config.js';
import { useCli, type Workspace } from './helpers/cli-workspace.js';
import { AT } from './helpers/audit.js';
import { DIALECTS } from './helpers/databases.js';
import { formatChanges } from '../src/content/schema/schema-change.js';
import { full } from './helpers/schema-apply.js';

// The audit log of CLI commands (docs/api.md §12.3): each change a command makes leaves one record
// naming the operator as `cli:<system user>`, without a request id or client; a refused command
// leaves none. And `ghee audit` itself: one line per record, newest first, or the API's JSON.

const OPERATOR = { type: 'user', name: cliActor().name };

describe.each(DIALECTS)('audit records of CLI commands (%s)', (dialect) => {
  const { workspace } = useCli(dialect);

  /** Runs `ghee` in-process on the workspace (webhooks to this machine allowed). */
  async function ghee(ws: Workspace, argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const config = loadConfig({}, { databaseUrl: ws.databaseUrl, dataDir: ws.dataDir, webhookAllowPrivate: true });
    const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), env: {}, config };
    const code = await main(argv, io);
    return { code, stdout: out.join('\n'), stderr: err.join('\n') };
  }

  /** The account's records, newest first, through `ghee audit --json`. */
  async function records(ws: Workspace, id: number, ...filters: string[]): Promise<any[]> {
    const listed = await ghee(ws, ['audit', '--account', String(id), '--json', ...filters]);
    expect(listed.code).toBe(0);
    return JSON.parse(listed.stdout).data;
  }

  /** Runs a command and answers the records it added to the account, oldest first. */
  async function added(ws: Workspace, id: number, argv: string[], code = 0): Promise<any[]> {
    const before = (await records(ws, id)).length;
    const result = await ghee(ws, argv);
    expect({ code: result.code, stderr: result.stderr }).toMatchObject({ code });
    const after = await records(ws, id);
    return after.slice(0, after.length - before).reverse();
  }

  async function account(ws: Workspace, ...flags: string[]): Promise<{ id: number }> {
    return JSON.parse((await ghee(ws, ['account', 'create', '--name', 'Acme', '--json', ...flags])).stdout);
  }

  const byOperator = { actor: OPERATOR, request_id: null, client: null, at: expect.stringMatching(AT) };

  it('account create, set-plan and set-site: one record each, by the operator, with no request', async () => {
    const ws = await workspace();
    const { id } = await account(ws, '--plan', 'trial');
    expect(await records(ws, id)).toEqual([
      {
        ...byOperator,
        id: expect.any(Number),
        action: 'account.create',
        kind: 'account',
        target: { id: String(id), slug: 'acme' },
        detail: { name: 'Acme', plan: 'trial', locales: ['en'] },
      },
    ]);
    expect(await added(ws, id, ['account', 'set-plan', String(id), 'enterprise'])).toEqual([
      expect.objectContaining({
        ...byOperator,
        action: 'plan.set',
        detail: expect.objectContaining({ plan: 'enterprise' }),
      }),
    ]);
    expect(await added(ws, id, ['account', 'set-plan', String(id), 'nope'], 1)).toEqual([]);
    expect(await added(ws, id, ['account', 'set-site', String(id), '--feed-title', 'News'])).toEqual([
      expect.objectContaining({ ...byOperator, action: 'site.update', detail: { feed_title: 'News' } }),
    ]);
    expect(await added(ws, id, ['account', 'set-site', String(id), '--site-url', 'ftp://x'], 1)).toEqual([]);
  });

  it('token create and revoke: token.create and token.revoke, never the token', async () => {
    const ws = await workspace();
    const { id } = await account(ws);
    const before = (await records(ws, id)).length;
    const made = await ghee(ws, ['token', 'create', '--kind', 'read', '--label', 'ci', '--json']);
    const token = JSON.parse(made.stdout);
    await ghee(ws, ['token', 'revoke', String(token.id)]);
    expect(await ghee(ws, ['token', 'revoke', String(token.id)])).toMatchObject({ code: 1 });
    const after = await records(ws, id);
    expect(after.slice(0, after.length - before).reverse()).toEqual([
      expect.objectContaining({ ...byOperator, action: 'token.create', target: { id: String(token.id), slug: null } }),
      expect.objectContaining({ ...byOperator, action: 'token.revoke', detail: { kind: 'read', label: 'ci' } }),
    ]);
    expect(JSON.stringify(after)).not.toContain(token.token.slice(7));
  });

  it('schema apply: schema.apply with its changes; a dry run and a refused apply record nothing', async () => {
    const ws = await workspace();
    const { id } = await account(ws, '--plan', 'enterprise', '--locales', 'en,es');
    const file = path.join(ws.dataDir, 'schema.json');
    fs.writeFileSync(file, JSON.stringify(full()));
    expect(await added(ws, id, ['schema', 'apply', '--dry-run', file])).toEqual([]);
    const dry = JSON.parse((await ghee(ws, ['schema', 'apply', '--dry-run', '--json', file])).stdout);
    const [record, ...more] = await added(ws, id, ['schema', 'apply', file]);
    expect(more).toEqual([]);
    expect(record).toMatchObject({
      ...byOperator,
      action: 'schema.apply',
      kind: 'schema',
      detail: { changes: formatChanges(dry.changes), count: dry.changes.length },
    });
    fs.writeFileSync(file, JSON.stringify({ ...full(), page_types: 'nope' }));
    expect(await added(ws, id, ['schema', 'apply', file], 1)).toEqual([]);
  });

  it('user create and invite, webhook add and remove: one record each', async () => {
    const ws = await workspace();
    const { id } = await account(ws);
    const user = ['user', 'create', '--email', 'Ana@Acme.test', '--role', 'admin', '--password', 'a long password'];
    expect(await added(ws, id, user)).toEqual([
      expect.objectContaining({
        ...byOperator,
        action: 'member.add',
        kind: 'user',
        target: { id: expect.any(String), slug: 'ana@acme.test' },
        detail: { role: 'admin' },
      }),
    ]);
    expect(await added(ws, id, user, 1)).toEqual([]);
    const invited = await added(ws, id, ['user', 'invite', '--email', 'bo@acme.test', '--role', 'editor']);
    expect(invited).toEqual([
      expect.objectContaining({ ...byOperator, action: 'member.invite', target: { id: null, slug: 'bo@acme.test' } }),
    ]);
    const hook = await added(ws, id, ['webhook', 'add', '--url', 'http://127.0.0.1:9/h?key=s3cret']);
    expect(hook).toEqual([
      expect.objectContaining({
        ...byOperator,
        action: 'webhook.create',
        detail: expect.objectContaining({ target: 'http://127.0.0.1:9' }),
      }),
    ]);
    expect(await added(ws, id, ['webhook', 'remove', hook[0].target.id])).toEqual([
      expect.objectContaining({
        ...byOperator,
        action: 'webhook.delete',
        target: { id: hook[0].target.id, slug: null },
      }),
    ]);
    expect(JSON.stringify(await records(ws, id))).not.toContain('s3cret');
  });

  it('ghee audit: one line per record, newest first: time, actor, action, kind, target, client, detail', async () => {
    const ws = await workspace();
    const { id } = await account(ws);
    await ghee(ws, ['token', 'create', '--kind', 'read', '--label', 'ci']);
    const json = await records(ws, id);
    const text = await ghee(ws, ['audit', '--account', String(id)]);
    expect(text.code).toBe(0);
    expect(text.stdout.split('\n')).toEqual([
      `${json[0].at}\t${OPERATOR.name} (user)\ttoken.create\ttoken\t${json[0].target.id}\t-\t{"kind":"read","label":"ci"}`,
      `${json[1].at}\t${OPERATOR.name} (user)\taccount.create\taccount\t${id} acme\t-\t{"name":"Acme","plan":"enterprise","locales":["en"]}`,
    ]);
    expect((await ghee(ws, ['audit', '--account', String(id), '--kind', 'webhook'])).stdout).toBe('no audit records');
  });

  it('ghee audit --json: the API answer; its filters', async () => {
    const ws = await workspace();
    const { id } = await account(ws);
    const listed = await ghee(ws, [
      'audit',
      '--account',
      String(id),
      '--json',
      '--since',
      '1d',
      '--actor',
      OPERATOR.name,
    ]);
    expect(JSON.parse(listed.stdout)).toEqual({
      meta: { count: 1, next_page: null, previous_page: null },
      data: [expect.objectContaining({ action: 'account.create' })],
    });
    expect(await records(ws, id, '--action', 'token.create')).toEqual([]);
    expect(await records(ws, id, '--target', 'acme')).toHaveLength(1);
    expect(await records(ws, id, '--until', '2000-01-01')).toEqual([]);
  });

  it.for<[string, string[], string]>([
    ['an unreadable --since', ['--since', 'last week'], 'since should be an ISO 8601 date-time'],
    ['an unknown --kind', ['--kind', 'pages'], 'kind should be one of: page, item'],
    ['a bad --page', ['--page', 'x'], '--page takes a whole number'],
    ['an operand', ['extra'], 'usage: ghee audit'],
  ])('ghee audit refuses %s (exit 2)', async ([, flags, message]) => {
    const ws = await workspace();
    const { id } = await account(ws);
    const result = await ghee(ws, ['audit', '--account', String(id), ...flags]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
  });
});
