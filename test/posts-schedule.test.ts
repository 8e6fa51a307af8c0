import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS, movableClock, postBody } from './helpers/blog.js';
import { DIALECTS } from './helpers/databases.js';
import { demoServer, type TestServer } from './helpers/server.js';

// Scheduling through the write API: `"status": "scheduled"` with Ghee's `scheduled` time, read
// back as published once the (test) clock passes it, without any scheduler run.

describe.each(DIALECTS)('scheduled post writes (%s)', (dialect) => {
  let s: TestServer;
  const clock = movableClock();
  const at = (days: number) => new Date(clock().getTime() + days * DAY_MS).toISOString();
  beforeAll(async () => {
    s = await demoServer(dialect, { clock });
  });
  afterAll(async () => s?.close());

  it('schedules a post: hidden until its time, then published with that time', async () => {
    const when = at(2);
    expect(
      (await s.send('POST', '/v2/posts/', postBody('later', { status: 'scheduled', scheduled: when }))).status,
    ).toBe(202);
    expect((await s.get('/v2/posts/later/')).status).toBe(404);
    const preview = (await s.get('/v2/posts/later/?preview=1')).body.data;
    expect(preview).toMatchObject({
      status: 'scheduled',
      published: null,
      scheduled: when.replace(/\.(\d{3})Z$/, '.$1000Z'),
    });
    clock.advance(3 * DAY_MS);
    const live = (await s.get('/v2/posts/later/')).body.data;
    expect(live).toMatchObject({ status: 'published', published: preview.scheduled, scheduled: preview.scheduled });
  });

  it('takes times with offsets, reschedules, and unschedules when set back to draft', async () => {
    await s.send(
      'POST',
      '/v2/posts/',
      postBody('moving', { status: 'scheduled', scheduled: '2099-01-01T10:00:00+02:00' }),
    );
    expect((await s.get('/v2/posts/moving/?preview=1')).body.data.scheduled).toBe('2099-01-01T08:00:00.000000Z');
    expect((await s.send('PATCH', '/v2/posts/moving/', { scheduled: '2099-02-01T00:00Z' })).status).toBe(202);
    expect((await s.get('/v2/posts/moving/?preview=1')).body.data).toMatchObject({
      status: 'scheduled',
      scheduled: '2099-02-01T00:00:00.000000Z',
    });
    expect((await s.send('PATCH', '/v2/posts/moving/', { status: 'draft' })).status).toBe(202);
    expect((await s.get('/v2/posts/moving/?preview=1')).body.data).toMatchObject({ status: 'draft', scheduled: null });
    clock.set(new Date('2099-03-01T00:00:00Z'));
    expect((await s.get('/v2/posts/moving/')).status).toBe(404);
    clock.set(new Date());
  });

  it('publishes at once a time already past, and publishes a scheduled post on demand', async () => {
    await s.send(
      'POST',
      '/v2/posts/',
      postBody('backdated', { status: 'scheduled', scheduled: '2020-01-01T00:00:00Z' }),
    );
    expect((await s.get('/v2/posts/backdated/')).body.data).toMatchObject({
      status: 'published',
      published: '2020-01-01T00:00:00.000000Z',
    });
    await s.send('POST', '/v2/posts/', postBody('early', { status: 'scheduled', scheduled: at(5) }));
    expect((await s.send('PATCH', '/v2/posts/early/', { status: 'published' })).status).toBe(202);
    expect((await s.get('/v2/posts/early/')).body.data).toMatchObject({ status: 'published', scheduled: null });
  });

  it('refuses a schedule without a time, a time without the status, and impossible dates', async () => {
    expect((await s.send('POST', '/v2/posts/', postBody('no-time', { status: 'scheduled' }))).body).toEqual({
      detail: { fields: { scheduled: ['This field is required.'] } },
    });
    expect(
      (await s.send('POST', '/v2/posts/', postBody('no-status', { status: 'draft', scheduled: at(1) }))).body,
    ).toEqual({
      detail: {
        fields: { scheduled: ['Only a scheduled post takes a scheduled time: send "status": "scheduled" too.'] },
      },
    });
    // A visible post may be scheduled: its newest version waits (test/scheduling-items-posts.test.ts).
    expect((await s.send('PATCH', '/v2/posts/hello-world/', { status: 'scheduled', scheduled: at(1) })).status).toBe(
      202,
    );
    expect((await s.get('/v2/posts/hello-world/?preview=1')).body.data.status).toBe('scheduled');
    expect((await s.send('PATCH', '/v2/posts/hello-world/', { status: 'published' })).status).toBe(202);
    for (const bad of ['2026-02-30T10:00:00Z', '2026-01-01T24:00Z', '2026-01-01', '2026-01-01T10:00:00', 'now']) {
      const r = await s.send('POST', '/v2/posts/', postBody('bad-date', { status: 'scheduled', scheduled: bad }));
      expect(r.body.detail.fields.scheduled, bad).toEqual([
        'Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]](Z|+HH:MM|-HH:MM).',
      ]);
    }
  });

  it('stamps created, updated and published with the server clock', async () => {
    clock.set(new Date('2030-05-06T07:08:09.123Z'));
    await s.send('POST', '/v2/posts/', postBody('stamped'));
    const post = (await s.get('/v2/posts/stamped/')).body.data;
    expect(post.created).toMatch(/^2030-05-06T07:08:\d{2}\.\d{3}000Z$/);
    expect([post.updated, post.published]).toEqual([post.created, post.created]);
    clock.set(new Date());
  });
});
