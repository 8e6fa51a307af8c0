import { describe, expect, it } from 'vitest';
import { DIALECTS, type DialectUnderTest } from './helpers/databases.js';
import { READ_TOKEN, useCli, WRITE_TOKEN } from './helpers/cli-workspace.js';

// `ghee seed demo` (docs/api.md §10): one JSON document, and the demo content served to its token.

describe.each(DIALECTS)('ghee seed demo (%s)', (dialect: DialectUnderTest) => {
  const { workspace, run, runProcess, apiServer, read } = useCli(dialect);

  it('seed demo --json: one document; the demo content is served to its read token', async () => {
    const ws = await workspace();
    const result = await runProcess(ws, ['seed', 'demo', '--json']);
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout);
    expect(Object.keys(doc).sort()).toEqual(['id', 'name', 'plan', 'read_token', 'write_token']);
    expect(doc).toMatchObject({ name: 'Demo', plan: 'enterprise' });
    expect(doc.read_token).toMatch(READ_TOKEN);
    expect(doc.write_token).toMatch(WRITE_TOKEN);

    const server = await apiServer(ws);
    const home = await read(server, doc.read_token);
    expect(home.status).toBe(200);
    expect(home.body.data).toMatchObject({
      slug: 'homepage',
      page_type: null,
      fields: { headline: 'Welcome to Ghee' },
    });
    const es = await read(server, doc.read_token, '/v2/pages/landing_page/?locale=es&levels=1');
    expect(es.body.data.map((p: { slug: string }) => p.slug)).toEqual(['launch', 'pricing', 'about-us']);
  });

  it('seed demo --name in-process: the named account', async () => {
    const ws = await workspace();
    const result = await run(ws, ['seed', 'demo', '--name', 'Showcase', '--json']);
    expect(result.code).toBe(0);
    expect(result.out).toHaveLength(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ name: 'Showcase', plan: 'enterprise' });
  });
});
