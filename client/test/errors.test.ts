// Error answers of a real Ghee server (401, 400 with a message and with a field map, 403, 404) as
// ButterCMSError; safe(); onError. 429 and 500 come from a scripted peer (retry.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../src/accounts/accounts.js';
import { DIALECTS } from '../../test/helpers/databases.js';
import { demoSocketServer, type SocketServer } from '../../test/helpers/socket-server.js';
import Butter, { ButterCMSError, GheeError, isButterCMSError, safe, type ClientOptions } from '../src/index.js';
import { gheeClient, landingFields, rejection } from './helpers/ghee.js';
import type { Homepage } from './types/demo-cms-types.js';

describe.each(DIALECTS)('client errors against Ghee (%s)', (dialect) => {
  let server: SocketServer;
  let requests = 0;
  const counting: ClientOptions['fetch'] = (input, init) => {
    requests++;
    return fetch(input, init);
  };
  beforeAll(async () => {
    server = await demoSocketServer(dialect);
  });
  afterAll(async () => {
    await server?.close();
  });
  const client = (options: ClientOptions = {}) => gheeClient(server, { fetch: counting, ...options });

  it('401 Invalid token: status, code, detail, request id, method and path; never retried', async () => {
    requests = 0;
    const stranger = Butter(`ghee_r_${'A'.repeat(40)}`, { baseUrl: `${server.url}/v2`, fetch: counting });
    const error = await rejection(stranger.page.retrieve('*', 'homepage', { locale: 'en' }));
    expect(error).toBeInstanceOf(ButterCMSError);
    expect(error).toBeInstanceOf(GheeError);
    expect(error).toMatchObject({
      name: 'ButterCMSError',
      status: 401,
      code: 'UNAUTHORIZED',
      detail: 'Invalid token',
      retryAfter: null,
      method: 'GET',
      path: '/v2/pages/*/homepage/',
    });
    expect(error.message).toBe('[detail]: Invalid token (401)');
    expect(error.requestId).toMatch(/\S/);
    expect(error.requestId).toBe(error.response!.headers['x-request-id']);
    expect(error.response!.headers['www-authenticate']).toBe('Token');
    expect(error.fields).toBeNull();
    // The error reference's safeFetch reads error.response; buttercms v3 code reads error.cause.
    expect(error.response).toMatchObject({ status: 401, data: { detail: 'Invalid token' } });
    expect(error.cause).toBe(error.response);
    expect(JSON.stringify(error)).not.toContain('ghee_r_');
    expect(requests).toBe(1);
  });

  it('401 for a write made with a read token: "Authentication credentials were not provided"', async () => {
    const readOnly = Butter(server.demo.read_token, { baseUrl: `${server.url}/v2` });
    const error = await rejection(readOnly.page.update('landing_page', 'launch', { fields: { headline: 'x' } }));
    expect(error).toMatchObject({
      status: 401,
      code: 'UNAUTHORIZED',
      detail: 'Authentication credentials were not provided',
      method: 'PATCH',
      path: '/v2/pages/landing_page/launch/',
    });
  });

  it('400 with a message: a bad parameter, an unknown field, a bad locale', async () => {
    const levels = await rejection(client().page.retrieve('*', 'homepage', { levels: 9 }));
    expect(levels).toMatchObject({
      status: 400,
      code: 'BAD_REQUEST',
      detail: 'levels query parameter should be an integer between 1 and 5 (inclusive)',
    });
    const unknown = await rejection(client().page.update('landing_page', 'launch', { fields: { hero_video: 'x' } }));
    expect(unknown).toMatchObject({
      status: 400,
      code: 'BAD_REQUEST',
      detail: "Field 'hero_video' is not defined in this page type",
    });
    const locale = await rejection(client().content.retrieve(['brands'], { locale: 'fr' }));
    expect(locale).toMatchObject({ status: 400, detail: 'Invalid locale parameter' });
  });

  it('400 with the field map of a validation error: every failing field at once', async () => {
    requests = 0;
    const fields = { ...landingFields(''), priority: 'high', layout: 'tall' };
    const error = await rejection(
      client().page.create({ title: 'Bad', slug: 'Not A Slug', page_type: 'landing_page', fields }),
    );
    expect(error.status).toBe(400);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.detail).toEqual({ fields: expect.any(Object) });
    expect(Object.keys(error.fields!).sort()).toEqual(['headline', 'layout', 'priority', 'slug']);
    expect(error.fields!.headline).toEqual(['This field is required.']);
    expect(error.fields!.layout).toEqual(['"tall" is not a valid choice.']);
    expect(error.message).toContain('[detail]: ');
    expect(error.message).toContain('headline: This field is required.');
    expect(error.message).toMatch(/\(400\)$/);
    expect(requests).toBe(1);
  });

  it('403: a plan without the write API', async () => {
    const free = await createAccount(server.store.db, { name: 'Free', plan: 'free' });
    const freeClient = Butter(free.read_token, { baseUrl: `${server.url}/v2`, writeToken: free.write_token });
    const error = await rejection(freeClient.content.create('brands', { fields: [{ name: 'x' }] }));
    expect(error).toMatchObject({
      status: 403,
      code: 'FORBIDDEN',
      detail: 'You do not have permission to perform this action',
      method: 'POST',
      path: '/v2/content/',
    });
  });

  it("429 from the quota: Retry-After runs to the month's end, so the client fails at once", async () => {
    const tiny = await createAccount(server.store.db, { name: 'Tiny', plan: 'free', monthlyCallLimit: 1 });
    const waits: number[] = [];
    const limited = Butter(tiny.read_token, {
      baseUrl: `${server.url}/v2`,
      fetch: counting,
      sleep: async (ms) => void waits.push(ms),
    });
    const ok = await limited.page.list('*');
    expect(ok.headers['ratelimit-policy']).toBe('"monthly";q=1;w=' + ok.headers['ratelimit-policy']!.split('w=')[1]);
    requests = 0;
    const error = await rejection(limited.page.list('*'));
    expect(error).toMatchObject({
      status: 429,
      code: 'RATE_LIMITED',
      detail: 'API Calls limit reached.',
      method: 'GET',
      path: '/v2/pages/*/',
    });
    expect(error.retryAfter).toBe(Number(error.response!.headers['retry-after']));
    // Only in the last minute of a month is the wait short enough to be waited out (then 3 retries).
    expect(waits).toEqual(error.retryAfter! > 60 ? [] : [1, 2, 3].map(() => error.retryAfter! * 1000));
    expect(requests).toBe(waits.length + 1);
  });

  it('404: page, collection, item; reads are not retried', async () => {
    requests = 0;
    expect(await rejection(client().page.retrieve('landing_page', 'no-such-page'))).toMatchObject({
      status: 404,
      code: 'NOT_FOUND',
      detail: 'Page matching query does not exist',
    });
    expect(await rejection(client().content.retrieve(['brands', 'no_such_collection']))).toMatchObject({
      status: 404,
      detail: 'Collection matching query does not exist',
      path: '/v2/content/brands,no_such_collection/',
    });
    expect(await rejection(client().content.update('brands', 2_000_000_000, { fields: { name: 'x' } }))).toMatchObject({
      status: 404,
      detail: 'Not found',
      method: 'PATCH',
    });
    expect(await rejection(client().page.delete('landing_page', 'no-such-page'))).toMatchObject({
      status: 404,
      method: 'DELETE',
    });
    expect(requests).toBe(4);
  });

  it('safe(): { data, error } instead of throwing', async () => {
    const ok = await safe(client().page.retrieve<Homepage>('*', 'homepage'));
    expect(ok.error).toBeNull();
    expect(ok.data?.data.slug).toBe('homepage');
    const missing = await safe(() => client().page.retrieve('*', 'nowhere'));
    expect(missing.data).toBeNull();
    expect(missing.error).toMatchObject({ status: 404, detail: 'Page matching query does not exist' });
    expect(isButterCMSError(missing.error)).toBe(true);
    // Not a client error (a bug in a hook): thrown, not swallowed.
    const broken = client({
      onRequest: () => {
        throw new RangeError('hook bug');
      },
    });
    await expect(safe(broken.page.retrieve('*', 'homepage'))).rejects.toThrow(RangeError);
  });

  it('onError: called once with the final error and the call; not on success', async () => {
    const seen: unknown[] = [];
    const watched = client({
      onError: (error, context) =>
        void seen.push({ status: error.status, type: context.type, method: context.method, params: context.params }),
    });
    await watched.page.retrieve('*', 'homepage');
    expect(seen).toEqual([]);
    await rejection(watched.content.retrieve(['nope'], { levels: 1 }));
    expect(seen).toEqual([{ status: 404, type: 'content', method: 'GET', params: { levels: 1 } }]);
  });

  it('a client needs a token, as buttercms v3 does', () => {
    expect(() => Butter('')).toThrow('ButterCMS API token not set');
  });
});
