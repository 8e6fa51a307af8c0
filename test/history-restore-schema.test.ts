import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from './helpers/databases.js';
import { changeSchema, landingSchema, versionIds } from './helpers/history.js';
import { landingBody } from './helpers/landing-body.js';
import { demoServer, type TestServer } from './helpers/server.js';

// Restoring a version the schema changed under since (docs/api.md §12.1): what still fits comes
// back, what does not (a field removed or retyped, a dropdown option gone, a reference to a
// deleted entry) keeps its current value and is named in `left_out`. Nothing invalid is written.

describe.each(DIALECTS)('restoring across schema changes (%s)', (dialect) => {
  let s: TestServer;
  const first = new Map<string, number>();
  /** The stored values of some pages just before the tests restore them. */
  const before = new Map<string, Record<string, unknown>>();
  const path = (slug: string) => `/v2/pages/landing_page/${slug}/`;
  const restore = (slug: string) =>
    s.send('POST', `${path(slug)}versions/${first.get(slug)}/restore/`, { status: 'published' });
  const read = async (slug: string) => (await s.get(path(slug))).body.data;

  /** The stored values of a page's newest version in English. */
  async function stored(slug: string): Promise<Record<string, unknown>> {
    const row = await s.store.db
      .selectFrom('entry_versions as v')
      .innerJoin('entries as e', 'e.id', 'v.entry_id')
      .select('v.fields')
      .where('e.slug', '=', slug)
      .where('v.channel', '=', 'latest')
      .where('v.locale', '=', 'en')
      .executeTakeFirstOrThrow();
    return JSON.parse(row.fields);
  }

  /** A published page with `fields` (layout `narrow` unless given), then a new headline. */
  async function page(slug: string, fields: Record<string, unknown>) {
    expect((await s.send('POST', '/v2/pages/', landingBody(slug, { layout: 'narrow', ...fields }))).status).toBe(202);
    first.set(slug, (await versionIds(s, path(slug)))[0]!);
    expect((await s.send('PATCH', path(slug), { fields: { headline: `Changed ${slug}` } })).status).toBe(202);
  }

  beforeAll(async () => {
    s = await demoServer(dialect);
    const brand = await s.send('POST', '/v2/content/brands/', { status: 'published', fields: [{ name: 'Gone soon' }] });
    expect(brand.status).toBe(202);
    const row = await s.store.db.selectFrom('entries').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow();
    await page('removed', { notes: 'Notes to lose' });
    await page('retyped', { summary: 'A summary' });
    await page('option', { layout: 'wide' });
    await page('referenced', { brand: row.id });
    await page('fitting', {
      seo: { title: 'Old SEO', description: 'Kept' },
      faq: [{ question: 'Q', answer: '<p>A</p>' }],
    });
    await changeSchema(
      s,
      landingSchema((fields) => {
        delete fields.notes;
        fields.summary = { type: 'number' };
        fields.layout = { type: 'dropdown', options: ['narrow', 'full'], localized: false };
      }),
    );
    expect((await s.send('DELETE', `/v2/content/brands/${row.id}/?force=true`)).status).toBe(204);
    for (const slug of ['retyped', 'option', 'referenced']) before.set(slug, await stored(slug));
  });
  afterAll(async () => s?.close());

  it('restores everything of a version that still fits, with nothing left out', async () => {
    expect(await restore('fitting')).toMatchObject({ status: 202, body: { status: 'pending', left_out: [] } });
    expect((await read('fitting')).fields).toMatchObject({
      headline: 'Headline fitting',
      seo: { title: 'Old SEO', description: 'Kept' },
      faq: [{ question: 'Q', answer: '<p>A</p>' }],
    });
  });

  it('leaves out a field removed since, restoring the rest', async () => {
    expect(await restore('removed')).toMatchObject({ status: 202, body: { left_out: ['notes'] } });
    const restored = await read('removed');
    expect(restored.fields.headline).toBe('Headline removed');
    expect(restored.fields).not.toHaveProperty('notes');
  });

  it('leaves out a field retyped since, which keeps a value of its new type', async () => {
    expect(await restore('retyped')).toMatchObject({ status: 202, body: { left_out: ['summary'] } });
    const restored = await read('retyped');
    expect(restored.fields.headline).toBe('Headline retyped');
    expect(restored.fields.summary).toBeNull();
  });

  it('leaves out a value a rule now refuses, keeping the current one', async () => {
    expect(await restore('option')).toMatchObject({ status: 202, body: { left_out: ['layout'] } });
    const restored = await read('option');
    expect(restored.fields.headline).toBe('Headline option');
    expect(restored.fields.layout).toBe('wide');
  });

  it('leaves out a reference to an entry deleted since', async () => {
    expect(await restore('referenced')).toMatchObject({ status: 202, body: { left_out: ['brand'] } });
    const restored = await read('referenced');
    expect(restored.fields).toMatchObject({ headline: 'Headline referenced', brand: null });
  });

  it('leaves the stored values of what it left out untouched, and names the version it restored', async () => {
    for (const [slug, key] of [
      ['retyped', 'summary'],
      ['option', 'layout'],
      ['referenced', 'brand'],
    ] as const) {
      expect((await stored(slug))[key]).toEqual(before.get(slug)![key]);
      expect((await stored(slug)).headline).toBe(`Headline ${slug}`);
    }
    const [newest] = (await s.get(`${path('retyped')}versions/`, s.demo.write_token)).body.data;
    expect(newest).toMatchObject({ status: 'published', restored_from: first.get('retyped') });
  });
});
