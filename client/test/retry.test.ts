// Retries against a scripted real HTTP peer: 429 waits out a short Retry-After and fails at once on
// a long one; 5xx and network errors back off exponentially with jitter; writes never retry.
// `sleep`, `random` and `now` are injected, so the timing is checked without waiting.
import { afterEach, describe, expect, it } from 'vitest';
import Butter, { type ClientOptions } from '../src/index.js';
import { parseRetryAfter } from '../src/retry-after.js';
import { backoff } from '../src/retry-policy.js';
import { rejection } from './helpers/ghee.js';
import { deadBaseUrl, recordingSleep, startPeer, type Peer, type Reply } from './helpers/peer.js';

const OK: Reply = { status: 200, body: { data: { slug: 'homepage' } } };
const LIMIT = { detail: 'API Calls limit reached.' };
const BOOM = { detail: 'An unexpected error occurred. Please try again later.' };
const limited = (retryAfter?: string): Reply => ({
  status: 429,
  headers: retryAfter === undefined ? {} : { 'retry-after': retryAfter },
  body: LIMIT,
});

const peers: Peer[] = [];
afterEach(async () => {
  for (const peer of peers.splice(0)) await peer.close();
});

async function setup(replies: Reply[], options: ClientOptions = {}) {
  const peer = await startPeer(replies);
  peers.push(peer);
  const clock = recordingSleep();
  const client = Butter('ghee_r_token', {
    baseUrl: peer.baseUrl,
    writeToken: 'ghee_w_token',
    sleep: clock.sleep,
    random: () => 0.5,
    ...options,
  });
  return { peer, client, waits: clock.waits };
}

describe('429: wait out a short Retry-After, fail at once on a long one', () => {
  it('Retry-After under maxRetryWait: waits exactly that long, then retries', async () => {
    const { peer, client, waits } = await setup([limited('2'), OK]);
    const res = await client.page.retrieve('*', 'homepage');
    expect(res.data).toEqual({ data: { slug: 'homepage' } });
    expect(waits).toEqual([2000]);
    expect(peer.requests).toHaveLength(2);
  });

  it('a month-long Retry-After fails at once with the error: no wait, one request', async () => {
    const { peer, client, waits } = await setup([limited('2592000'), OK]);
    const error = await rejection(client.page.retrieve('*', 'homepage'));
    expect(error).toMatchObject({
      status: 429,
      code: 'RATE_LIMITED',
      detail: 'API Calls limit reached.',
      retryAfter: 2_592_000,
      path: '/v2/pages/*/homepage/',
    });
    expect(waits).toEqual([]);
    expect(peer.requests).toHaveLength(1);
  });

  it('maxRetryWait is the bound: equal waits, one second more fails', async () => {
    const at = await setup([limited('60'), OK]);
    await at.client.page.list('landing_page');
    expect(at.waits).toEqual([60_000]);
    const over = await setup([limited('61'), OK]);
    expect(await rejection(over.client.page.list('landing_page'))).toMatchObject({ status: 429, retryAfter: 61 });
    const raised = await setup([limited('61'), OK], { maxRetryWait: 61_000 });
    await raised.client.page.list('landing_page');
    expect(raised.waits).toEqual([61_000]);
  });

  it('Retry-After as an HTTP date, measured with the injected clock', async () => {
    const now = Date.parse('2026-05-31T23:59:30Z');
    const soon = await setup([limited('Sun, 31 May 2026 23:59:50 GMT'), OK], { now: () => now });
    await soon.client.content.retrieve(['brands']);
    expect(soon.waits).toEqual([20_000]);
    const nextMonth = await setup([limited('Mon, 01 Jun 2026 23:59:30 GMT'), OK], { now: () => now });
    expect(await rejection(nextMonth.client.content.retrieve(['brands']))).toMatchObject({
      status: 429,
      retryAfter: 86_400,
    });
    expect(nextMonth.waits).toEqual([]);
  });

  it('without Retry-After: fails at once; an endless 429 stops after maxRetries', async () => {
    const bare = await setup([limited(), OK]);
    expect(await rejection(bare.client.page.retrieve('*', 'homepage'))).toMatchObject({
      status: 429,
      retryAfter: null,
    });
    expect(bare.peer.requests).toHaveLength(1);
    const endless = await setup([limited('1')]);
    expect(await rejection(endless.client.page.retrieve('*', 'homepage'))).toMatchObject({
      status: 429,
      retryAfter: 1,
    });
    expect(endless.waits).toEqual([1000, 1000, 1000]);
    expect(endless.peer.requests).toHaveLength(4);
  });

  it('the default sleep really waits (Retry-After: 0 retries on the next tick)', async () => {
    const peer = await startPeer([limited('0'), OK]);
    peers.push(peer);
    const res = await Butter('t', { baseUrl: peer.baseUrl }).page.retrieve('*', 'homepage');
    expect(res.status).toBe(200);
    expect(peer.requests).toHaveLength(2);
  });
});

describe('5xx and network errors: exponential backoff with jitter, reads only', () => {
  it('500 three times more, waits doubling with the jitter from random(); then the error', async () => {
    const { peer, client, waits } = await setup([{ status: 500, headers: { 'x-request-id': 'req-42' }, body: BOOM }], {
      random: () => 0,
    });
    const seen: number[] = [];
    const error = await rejection(client.post.list({ page: 1 }));
    expect(error).toMatchObject({
      status: 500,
      code: 'SERVER_ERROR',
      detail: BOOM.detail,
      requestId: 'req-42',
      method: 'GET',
      path: '/v2/posts/',
    });
    expect(waits).toEqual([250, 500, 1000]);
    expect(peer.requests).toHaveLength(4);
    const jittered = await setup([{ status: 500, body: BOOM }], {
      random: () => 0.999,
      onError: (e) => void seen.push(e.status),
    });
    await rejection(jittered.client.page.list('x'));
    expect(jittered.waits).toEqual([500, 1000, 1999]);
    expect(seen).toEqual([500]);
  });

  it('recovers when a retry succeeds; maxRetries: 0 turns retries off', async () => {
    const { client, waits } = await setup([
      { status: 503, body: BOOM },
      { status: 502, body: '<html>Bad gateway</html>' },
      OK,
    ]);
    expect((await client.author.list()).status).toBe(200);
    expect(waits).toEqual([375, 750]);
    const off = await setup([{ status: 503, body: BOOM }, OK], { maxRetries: 0 });
    expect(await rejection(off.client.author.list())).toMatchObject({ status: 503 });
    expect(off.peer.requests).toHaveLength(1);
  });

  it("a gateway's HTML page: the status's code, its status text as detail, the text as data", async () => {
    const { client } = await setup([{ status: 502, body: '<html>Bad gateway</html>' }], { maxRetries: 0 });
    const error = await rejection(client.tag.list());
    expect(error).toMatchObject({
      status: 502,
      code: 'SERVER_ERROR',
      detail: 'Bad Gateway',
      response: { data: '<html>Bad gateway</html>' },
    });
  });

  it('writes are never retried: not on 500, not on a short 429', async () => {
    const five = await setup([{ status: 500, body: BOOM }, OK]);
    expect(await rejection(five.client.page.create({ title: 't', slug: 't', fields: {} }))).toMatchObject({
      status: 500,
      method: 'POST',
    });
    expect(five.peer.requests).toHaveLength(1);
    const rate = await setup([limited('1'), OK]);
    expect(await rejection(rate.client.content.update('brands', 1, { fields: {} }))).toMatchObject({
      status: 429,
      retryAfter: 1,
      method: 'PATCH',
    });
    expect([rate.peer.requests.length, rate.waits.length]).toEqual([1, 0]);
  });

  it('a refused connection: status 0, NETWORK_ERROR, retried for reads, not for writes', async () => {
    const clock = recordingSleep();
    const client = Butter('t', { baseUrl: await deadBaseUrl(), sleep: clock.sleep, random: () => 0 });
    const error = await rejection(client.page.retrieve('*', 'homepage'));
    expect(error).toMatchObject({
      status: 0,
      code: 'NETWORK_ERROR',
      requestId: null,
      retryAfter: null,
      method: 'GET',
      path: '/v2/pages/*/homepage/',
    });
    expect(error.detail).toMatch(/^Network error: .*ECONNREFUSED/);
    expect(error.message).toContain('(GET /v2/pages/*/homepage/)');
    expect(clock.waits).toEqual([250, 500, 1000]);
    await rejection(client.post.delete('x'));
    expect(clock.waits).toHaveLength(3);
  });
});

describe('retry arithmetic', () => {
  it('backoff doubles from 500 ms up to 30 s; half fixed, half random', () => {
    expect([0, 1, 2, 3].map((n) => backoff(n, () => 0))).toEqual([250, 500, 1000, 2000]);
    expect([0, 1, 2, 3].map((n) => backoff(n, () => 1))).toEqual([500, 1000, 2000, 4000]);
    expect(backoff(20, () => 1)).toBe(30_000);
  });

  it('Retry-After: seconds, an HTTP date (past: 0), nothing or garbage: null', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120);
    expect(parseRetryAfter(' 7 ', now)).toBe(7);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:01:00 GMT', now)).toBe(60);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:00 GMT', now + 5000)).toBe(0);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:01 GMT', now + 1)).toBe(1);
    for (const bad of [null, '', '1.5', '-3', 'soon']) expect(parseRetryAfter(bad, now)).toBeNull();
  });
});
