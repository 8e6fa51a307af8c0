import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postBody } from './helpers/blog.js';
import { DIALECTS } from './helpers/databases.js';
import { landingBody } from './helpers/landing-body.js';
import { at, HOUR_MS, shifted, stillClock } from './helpers/scheduling.js';
import { demoServer, type TestServer } from './helpers/server.js';

// What scheduling refuses (docs/api.md §13), each refusal changing nothing, and what it does with
// a time already past; and the response cache across a scheduled change.

const DATE_TIME =
  'Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]](Z|+HH:MM|-HH:MM).';

describe.each(DIALECTS)('scheduling rules (%s)', (dialect) => {
  let s: TestServer;
  const clock = stillClock();
  beforeAll(async () => {
    s = await demoServer(dialect, { clock });
  });
  afterAll(async () => s?.close());
  const fieldErrors = (fields: Record<string, string[]>) => ({ status: 400, body: { detail: { fields } } });
  const page = (slug: string) => `/v2/pages/landing_page/${slug}/`;

  it('refuses impossible timing with field errors, and stores nothing', async () => {
    const later = at(clock, HOUR_MS);
    const cases: [Record<string, unknown>, Record<string, string[]>][] = [
      [{ scheduled: later, status: 'draft' }, { scheduled: [expect.stringContaining('scheduled')] }],
      [{ status: 'scheduled' }, { scheduled: ['This field is required.'] }],
      [{ status: 'scheduled', scheduled: 'tomorrow' }, { scheduled: [DATE_TIME] }],
      [{ status: 'scheduled', scheduled: '2030-02-30T10:00:00Z' }, { scheduled: [DATE_TIME] }],
      [{ status: 'scheduled', scheduled: '2030-01-01T10:00:00' }, { scheduled: [DATE_TIME] }],
      [{ status: 'scheduled', scheduled: 12 }, { scheduled: [DATE_TIME] }],
      [{ unpublish_at: at(clock, -1) }, { unpublish_at: ['Ensure this time is in the future.'] }],
      [{ unpublish_at: 'soon' }, { unpublish_at: [DATE_TIME] }],
      [
        { status: 'scheduled', scheduled: later, unpublish_at: later },
        { unpublish_at: ['Ensure this time is later than the scheduled time.'] },
      ],
    ];
    for (const [timing, fields] of cases) {
      const r = await s.send('POST', '/v2/pages/', { ...landingBody('refused'), ...timing });
      expect({ status: r.status, body: r.body }).toEqual(fieldErrors(fields));
    }
    expect((await s.get(`${page('refused')}?preview=1`)).status).toBe(404);
    const bad = await s.send('POST', '/v2/pages/', { ...landingBody('refused'), status: 'later' });
    expect(bad.body).toEqual({ detail: `'status' must be "draft", "published" or "scheduled"` });
    const post = await s.send('POST', '/v2/posts/', postBody('refused-post', { unpublish_at: at(clock, -1) }));
    expect(post.body).toEqual({ detail: { fields: { unpublish_at: ['Ensure this time is in the future.'] } } });
  });

  it('publishes at once a time already past, with that time', async () => {
    const past = at(clock, -HOUR_MS);
    expect(
      (await s.send('POST', '/v2/pages/', { ...landingBody('past'), status: 'scheduled', scheduled: past })).status,
    ).toBe(202);
    expect((await s.get(page('past'))).body.data).toMatchObject({
      status: 'published',
      published: past,
      scheduled: past,
    });
  });

  it('keeps a scheduled entry scheduled through edits, and a draft save cancels it', async () => {
    const time = at(clock, HOUR_MS);
    await s.send('POST', '/v2/pages/', { ...landingBody('edited'), status: 'scheduled', scheduled: time });
    expect((await s.send('PATCH', page('edited'), { fields: { headline: 'Edited' } })).status).toBe(202);
    expect((await s.get(`${page('edited')}?preview=1`)).body.data).toMatchObject({
      status: 'scheduled',
      scheduled: time,
    });
    const moved = at(clock, 2 * HOUR_MS);
    expect((await s.send('PATCH', page('edited'), { scheduled: moved })).status).toBe(202);
    expect((await s.get(`${page('edited')}?preview=1`)).body.data.scheduled).toBe(moved);
    expect((await s.send('PATCH', page('edited'), { status: 'draft' })).status).toBe(202);
    expect((await s.get(`${page('edited')}?preview=1`)).body.data).toMatchObject({ status: 'draft', scheduled: null });
    clock.set(shifted(moved, 1));
    expect((await s.get(page('edited'))).status).toBe(404);
  });

  it('sets unpublish_at alone without a new version: the content and its times stay', async () => {
    await s.send('POST', '/v2/pages/', landingBody('timing-only'));
    const before = (await s.get(page('timing-only'))).body.data;
    const versions = async () =>
      (await s.get('/v2/pages/landing_page/timing-only/versions/', s.demo.write_token)).body.meta.count;
    const count = await versions();
    clock.advance(1000);
    expect((await s.send('PATCH', page('timing-only'), { unpublish_at: at(clock, HOUR_MS) })).status).toBe(202);
    expect((await s.get(page('timing-only'))).body.data).toEqual(before);
    expect(await versions()).toBe(count);
    const [last] = await s.store.db
      .selectFrom('audit_log')
      .select(['action', 'target_slug'])
      .where('account_id', '=', s.demo.id)
      .orderBy('id', 'desc')
      .limit(1)
      .execute();
    expect(last).toEqual({ action: 'schedule', target_slug: 'timing-only' });
  });

  it('keeps a cached answer no longer than the next scheduled change', async () => {
    const time = at(clock, HOUR_MS);
    await s.send('POST', '/v2/pages/', {
      ...landingBody('cached'),
      fields: { ...landingBody('cached').fields, headline: 'A' },
    });
    await s.send('PATCH', page('cached'), { status: 'scheduled', scheduled: time, fields: { headline: 'B' } });
    const list = '/v2/pages/landing_page/?page_size=100';
    const headline = async (url: string) => {
      const r = await s.get(url);
      return [
        r.headers['x-ghee-cache'],
        url === list ? r.body.data.find((p: any) => p.slug === 'cached').fields.headline : r.body.data.fields.headline,
      ];
    };
    await s.get(page('cached'));
    await s.get(list);
    clock.set(shifted(time, -1));
    expect(await headline(page('cached'))).toEqual(['hit', 'A']);
    expect(await headline(list)).toEqual(['hit', 'A']);
    clock.set(shifted(time, 1));
    expect(await headline(page('cached'))).toEqual(['miss', 'B']);
    expect(await headline(list)).toEqual(['miss', 'B']);
  });

  it('tells shared caches to keep an answer no longer than the next scheduled change', async () => {
    const cacheControl = async () => (await s.get(page('cached'))).headers['cache-control'];
    const time = at(clock, 45_000);
    await s.send('PATCH', page('cached'), { status: 'scheduled', scheduled: time, fields: { headline: 'C' } });
    expect(await cacheControl()).toBe('public, max-age=0, s-maxage=45');
    clock.advance(30_000);
    expect(await cacheControl()).toBe('public, max-age=0, s-maxage=15');
    clock.set(shifted(time, 1));
    // Nothing else due within the next minute and a half: the usual minute, then stale while revalidating.
    expect(await cacheControl()).toBe('public, max-age=0, s-maxage=60, stale-while-revalidate=30');
  });
});
