import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '../src/audit/actor.js';
import { postBody } from './helpers/blog.js';
import { DIALECTS } from './helpers/databases.js';
import { ghee, otherAccount, pageWithVersions, versionIds } from './helpers/history.js';
import { demoServer, type TestServer } from './helpers/server.js';

// `ghee history list|show|restore` (docs/api.md §12.1) on the test server's database: the same
// versions as /v2, restores made as the operator (`cli:<system user>`), and the CLI's errors.

describe.each(DIALECTS)('ghee history (%s)', (dialect) => {
  let s: TestServer;
  let account: string[];
  let ids: number[];
  const base = '/v2/pages/landing_page/cli-page/';

  beforeAll(async () => {
    s = await demoServer(dialect);
    account = ['--account', String(s.demo.id)];
    await pageWithVersions(s, 'cli-page', ['Second', 'Third']);
    ids = await versionIds(s, base);
  });
  afterAll(async () => s?.close());

  it('lists a page’s versions, newest first, as lines or as JSON', async () => {
    const text = await ghee(s, ['history', 'list', ...account, '--page', 'landing_page/cli-page']);
    expect(text.code).toBe(0);
    const lines = text.stdout.split('\n');
    expect(lines.map((l) => Number(l.split('\t')[0]))).toEqual(ids);
    expect(lines[0]).toMatch(/^\d+\t\S+\ten\tpublished\ttoken:/);
    const json = await ghee(s, ['history', 'list', ...account, '--page', 'landing_page/cli-page', '--json']);
    const listed = JSON.parse(json.stdout);
    expect(listed.count).toBe(3);
    expect(listed.data).toEqual((await s.get(`${base}versions/`, s.demo.write_token)).body.data);
    const limited = await ghee(s, ['history', 'list', ...account, '--page', '*/cli-page', '--limit', '1']);
    expect(limited.stdout).toBe(`${lines[0]}\n(1 newest of 3; --limit shows up to 100)`);
  });

  it('lists the versions of another locale, of an item and of a post', async () => {
    const es = await ghee(s, ['history', 'list', ...account, '--page', 'landing_page/cli-page', '--locale', 'es']);
    expect(es).toMatchObject({ code: 0, stdout: 'no versions' });
    expect((await s.send('POST', '/v2/content/brands/', { fields: [{ name: 'CLI brand' }] })).status).toBe(202);
    const item = await s.store.db.selectFrom('entries').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow();
    const items = await ghee(s, ['history', 'list', ...account, '--item', `brands/${item.id}`, '--json']);
    expect(JSON.parse(items.stdout)).toMatchObject({ count: 1, data: [{ locale: 'en', status: 'draft' }] });
    expect((await s.send('POST', '/v2/posts/', postBody('cli-post'))).status).toBe(202);
    const posts = await ghee(s, ['history', 'list', ...account, '--post', 'cli-post', '--json']);
    expect(JSON.parse(posts.stdout)).toMatchObject({ count: 1, data: [{ locale: null }] });
  });

  it('shows one version, as /v2 reads it', async () => {
    const json = await ghee(s, ['history', 'show', ...account, String(ids.at(-1)), '--json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual(
      (await s.get(`${base}versions/${ids.at(-1)}/`, s.demo.write_token)).body.data,
    );
    const text = await ghee(s, ['history', 'show', ...account, String(ids.at(-1))]);
    expect(text.stdout).toContain('Title cli-page');
    expect(text.stdout).toContain('"headline": "Headline cli-page"');
  });

  it('restores as a draft, or published with --publish, as the operator', async () => {
    const draft = await ghee(s, ['history', 'restore', ...account, String(ids.at(-1))]);
    expect(draft).toMatchObject({ code: 0, stdout: `restored version ${ids.at(-1)} as a draft` });
    expect((await s.get(base)).body.data.fields.headline).toBe('Third');
    const [newest] = (await s.get(`${base}versions/`, s.demo.write_token)).body.data;
    expect(newest).toMatchObject({
      status: 'draft',
      restored_from: ids.at(-1),
      author: { type: 'user', name: cliActor().name },
    });
    const published = await ghee(s, ['history', 'restore', ...account, String(ids[1]), '--publish', '--json']);
    expect(JSON.parse(published.stdout)).toEqual({ status: 'published', left_out: [] });
    expect((await s.get(base)).body.data.fields.headline).toBe('Second');
  });

  it('says which version an account lacks, its own or another account’s', async () => {
    const other = await otherAccount(s);
    const theirs = await s.store.db
      .selectFrom('versions')
      .select('id')
      .where('account_id', '=', other.id)
      .executeTakeFirstOrThrow();
    for (const id of ['999999', String(theirs.id)]) {
      const res = await ghee(s, ['history', 'show', ...account, id]);
      expect(res).toMatchObject({ code: 1, stdout: '', stderr: `Account ${s.demo.id} has no version ${id}` });
    }
    const restore = await ghee(s, ['history', 'restore', ...account, '999999']);
    expect(restore).toMatchObject({ code: 1, stderr: `Account ${s.demo.id} has no version 999999` });
    const missing = await ghee(s, ['history', 'list', ...account, '--page', 'landing_page/nope']);
    expect(missing).toMatchObject({ code: 1, stderr: 'Page matching query does not exist' });
  });

  it.for([
    ['no subject', ['list']],
    ['two subjects', ['list', '--page', 'landing_page/cli-page', '--post', 'x']],
    ['a page without its type', ['list', '--page', 'cli-page']],
    ['show without an id', ['show']],
    ['restore with a subject', ['restore', '1', '--post', 'x']],
    ['an unknown subcommand', ['compare', '1']],
  ])('is a usage error: %s', async ([_label, args]) => {
    const res = await ghee(s, ['history', ...(args as string[]), ...account]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('usage: ghee history list');
  });

  it('refuses a --limit out of range and an id that is no number', async () => {
    const limit = await ghee(s, ['history', 'list', ...account, '--post', 'cli-post', '--limit', '101']);
    expect(limit).toMatchObject({ code: 2, stderr: '--limit takes a whole number from 1 to 100, not "101"' });
    const id = await ghee(s, ['history', 'show', ...account, 'abc']);
    expect(id).toMatchObject({ code: 2, stderr: 'VERSION_ID takes a whole number, not "abc"' });
  });
});
