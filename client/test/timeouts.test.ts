// Timeouts (headers or body too slow), aborts (a signal, cancelRequest) and the waits between
// retries, against a real HTTP peer that answers slowly or never finishes.
import { afterEach, describe, expect, it } from 'vitest';
import Butter, { type ClientOptions } from '../src/index.js';
import { rejection } from './helpers/ghee.js';
import { recordingSleep, startPeer, type Peer, type Reply } from './helpers/peer.js';

const OK: Reply = { status: 200, body: { data: { slug: 'homepage' } } };
const peers: Peer[] = [];
afterEach(async () => {
  for (const peer of peers.splice(0)) await peer.close();
});

async function setup(replies: Reply[], options: ClientOptions = {}) {
  const peer = await startPeer(replies);
  peers.push(peer);
  const clock = recordingSleep();
  const client = Butter('t', { baseUrl: peer.baseUrl, sleep: clock.sleep, random: () => 0, ...options });
  return { peer, client, waits: clock.waits };
}

describe('timeouts', () => {
  it('no answer within timeout: status 0, TIMEOUT; reads retry with backoff, then fail', async () => {
    let attempts = 0;
    const counting: typeof fetch = (input, init) => (attempts++, fetch(input, init));
    const { client, waits } = await setup([{ ...OK, delayMs: 1000 }], { timeout: 50, fetch: counting });
    const started = Date.now();
    const error = await rejection(client.page.retrieve('*', 'homepage'));
    expect(error).toMatchObject({
      status: 0,
      code: 'TIMEOUT',
      detail: 'Request timed out after 50 ms',
      method: 'GET',
      path: '/v2/pages/*/homepage/',
    });
    expect(error.message).toBe('Request timed out after 50 ms (GET /v2/pages/*/homepage/)');
    // Attempts are counted at fetch: the peer may never see a request aborted while it connects.
    expect(attempts).toBe(4);
    expect(waits).toEqual([250, 500, 1000]);
    expect(Date.now() - started).toBeLessThan(900);
  });

  it('a body that stalls half-way is a timeout too', async () => {
    const { client } = await setup([{ ...OK, stallBody: true }], { timeout: 100, maxRetries: 0 });
    expect(await rejection(client.content.retrieve(['brands']))).toMatchObject({ status: 0, code: 'TIMEOUT' });
  });

  it('a write that times out is not retried (it may have been applied)', async () => {
    let attempts = 0;
    const counting: typeof fetch = (input, init) => (attempts++, fetch(input, init));
    const { client, waits } = await setup([{ status: 202, body: { status: 'pending' }, delayMs: 1000 }], {
      timeout: 50,
      fetch: counting,
    });
    expect(await rejection(client.page.create({ title: 't', slug: 't', fields: {} }))).toMatchObject({
      code: 'TIMEOUT',
      method: 'POST',
    });
    // Counted at fetch: on a busy machine the peer may not see a request aborted while connecting.
    expect(attempts).toBe(1);
    expect(waits).toEqual([]);
  });

  it("a per-call timeout overrides the client's; timeout 0 means none", async () => {
    const { client } = await setup([{ ...OK, delayMs: 150 }], { timeout: 10_000, maxRetries: 0 });
    expect(await rejection(client.page.retrieve('*', 'homepage', {}, { timeout: 30 }))).toMatchObject({
      code: 'TIMEOUT',
      detail: 'Request timed out after 30 ms',
    });
    const patient = Butter('t', { baseUrl: peers[0]!.baseUrl, timeout: 0 });
    expect((await patient.page.retrieve('*', 'homepage')).status).toBe(200);
  });
});

describe('aborts', () => {
  it('a signal aborts the call at once: status 0, ABORTED, never retried', async () => {
    let attempts = 0;
    const { client } = await setup([{ ...OK, delayMs: 2000 }], {
      fetch: (input, init) => (attempts++, fetch(input, init)),
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const started = Date.now();
    const error = await rejection(client.page.list('landing_page', {}, { signal: controller.signal }));
    expect(error).toMatchObject({
      status: 0,
      code: 'ABORTED',
      detail: 'Request aborted',
      method: 'GET',
      path: '/v2/pages/landing_page/',
    });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(attempts).toBe(1);
  });

  it('an already aborted signal sends nothing', async () => {
    const { peer, client } = await setup([OK]);
    const error = await rejection(client.post.retrieve('x', {}, { signal: AbortSignal.abort() }));
    expect(error.code).toBe('ABORTED');
    expect(peer.requests).toHaveLength(0);
  });

  it('an abort during the wait before a retry ends the call', async () => {
    const controller = new AbortController();
    const { peer, client } = await setup([{ status: 500, body: { detail: 'x' } }], {
      // A wait that would never end: only the abort can finish the call.
      sleep: () => {
        setTimeout(() => controller.abort(), 10);
        return new Promise(() => {});
      },
    });
    expect(await rejection(client.page.retrieve('*', 'homepage', {}, { signal: controller.signal }))).toMatchObject({
      code: 'ABORTED',
    });
    expect(peer.requests).toHaveLength(1);
  });

  it('an abort ends the default (real) wait for a Retry-After at once', async () => {
    const peer = await startPeer([
      { status: 429, headers: { 'retry-after': '30' }, body: { detail: 'API Calls limit reached.' } },
    ]);
    peers.push(peer);
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 50);
    const error = await rejection(
      Butter('t', { baseUrl: peer.baseUrl }).page.list('x', {}, { signal: controller.signal }),
    );
    expect(error.code).toBe('ABORTED');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("cancelRequest() aborts that resource's calls in flight, not others, not later ones", async () => {
    const { client } = await setup([{ ...OK, delayMs: 300 }]);
    const pageCall = rejection(client.page.retrieve('*', 'homepage'));
    const contentCall = client.content.retrieve(['brands']);
    setTimeout(() => client.page.cancelRequest(), 30);
    expect(await pageCall).toMatchObject({ code: 'ABORTED' });
    expect((await contentCall).status).toBe(200);
    expect((await client.page.retrieve('*', 'homepage')).status).toBe(200);
  });

  it('onRequest may cancel the call it is told about', async () => {
    const { peer, client } = await setup([OK], { onRequest: (_url, context) => context.cancelRequest() });
    expect(await rejection(client.tag.retrieve('news'))).toMatchObject({ code: 'ABORTED', path: '/v2/tags/news/' });
    expect(peer.requests).toHaveLength(0);
  });
});
