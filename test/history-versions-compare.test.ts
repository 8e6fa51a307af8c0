import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from './helpers/databases.js';
import { versionIds } from './helpers/history.js';
import { landingBody } from './helpers/landing-body.js';
import { demoServer, PUBLIC_URL, type TestServer } from './helpers/server.js';

// GET .../versions/<a>/compare/<b>/ (docs/api.md §12.1): what changed from a to b, leaf by leaf,
// with a word diff for long text and HTML; both versions must be of the one page.

const BODY_BEFORE = '<p>Ghee keeps every version of every page, so nothing is ever lost.</p>';
const BODY_AFTER = '<p>Ghee keeps every saved version of every page, so nothing written is lost.</p>';

describe.each(DIALECTS)('version compare (%s)', (dialect) => {
  let s: TestServer;
  let older: number;
  let newer: number;
  const base = '/v2/pages/landing_page/compared/';
  const compare = (a: number | string, b: number | string, path = base) =>
    s.get(`${path}versions/${a}/compare/${b}/`, s.demo.write_token);

  beforeAll(async () => {
    s = await demoServer(dialect);
    const body = landingBody('compared', {
      body: BODY_BEFORE,
      faq: [{ question: 'Q1', answer: '<p>A1</p>' }],
      related: ['launch'],
    });
    expect((await s.send('POST', '/v2/pages/', body)).status).toBe(202);
    const change = {
      fields: {
        headline: 'New headline',
        body: BODY_AFTER,
        seo: { title: 'Better SEO', description: '' },
        faq: [
          { question: 'Q1', answer: '<p>A1</p>' },
          { question: 'Q2', answer: '<p>A2</p>' },
        ],
        related: [],
      },
    };
    expect((await s.send('PATCH', base, change)).status).toBe(202);
    [newer, older] = (await versionIds(s, base)) as [number, number];
  });
  afterAll(async () => s?.close());

  it('lists the changed, added and removed values by path', async () => {
    const res = await compare(older, newer);
    expect(res.status).toBe(200);
    const changes = res.body.data.changes.map(({ diff: _diff, ...c }: any) => c);
    expect(changes).toEqual([
      { path: 'headline', from: 'Headline compared', to: 'New headline' },
      { path: 'body', from: BODY_BEFORE, to: BODY_AFTER },
      { path: 'seo.title', from: 'SEO', to: 'Better SEO' },
      { path: 'related.0', from: `${PUBLIC_URL}/v2/pages/landing_page/launch/`, to: null },
      { path: 'faq.1.question', from: null, to: 'Q2' },
      { path: 'faq.1.answer', from: null, to: '<p>A2</p>' },
    ]);
  });

  it('gives HTML and long text a word diff that rebuilds both sides', async () => {
    const { changes } = (await compare(older, newer)).body.data;
    const body = changes.find((c: any) => c.path === 'body');
    const join = (keep: (part: any) => boolean) =>
      body.diff
        .filter(keep)
        .map((p: any) => p.value)
        .join('');
    expect(join((p) => !p.added)).toBe(BODY_BEFORE);
    expect(join((p) => !p.removed)).toBe(BODY_AFTER);
    expect(body.diff).toContainEqual({ value: 'saved ', added: true });
    expect(body.diff.every((p: any) => Object.keys(p).every((k) => ['value', 'added', 'removed'].includes(k)))).toBe(
      true,
    );
    expect(changes.find((c: any) => c.path === 'faq.1.answer').diff).toEqual([{ value: '<p>A2</p>', added: true }]);
    // Short plain text has no diff.
    expect(changes.find((c: any) => c.path === 'headline')).not.toHaveProperty('diff');
  });

  it('compares the other way round, and a version with itself as no change', async () => {
    const back = (await compare(newer, older)).body.data.changes;
    expect(back[0]).toEqual({ path: 'headline', from: 'New headline', to: 'Headline compared' });
    expect(back.find((c: any) => c.path === 'faq.1.question')).toEqual({
      path: 'faq.1.question',
      from: 'Q2',
      to: null,
    });
    expect((await compare(newer, newer)).body).toEqual({ data: { changes: [] } });
  });

  it('answers 404 for a version of another page, and for ids that name none', async () => {
    const [launch] = await versionIds(s, '/v2/pages/landing_page/launch/');
    expect(await compare(older, launch!)).toMatchObject({ status: 404, body: { detail: 'Not found' } });
    expect(await compare(launch!, newer)).toMatchObject({ status: 404, body: { detail: 'Not found' } });
    expect(await compare(older, 'x')).toMatchObject({ status: 404, body: { detail: 'Not found' } });
    expect(await compare(older, newer, '/v2/pages/landing_page/launch/')).toMatchObject({ status: 404 });
  });

  it('needs a write token', async () => {
    expect(await s.get(`${base}versions/${older}/compare/${newer}/`)).toMatchObject({ status: 401 });
  });
});
