import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../src/accounts/accounts.js';
import { DIALECTS } from './helpers/databases.js';
import { landingBody } from './helpers/landing-body.js';
import { demoServer, type TestServer } from './helpers/server.js';

// What a page write refuses, and in which order (docs/api.md §6, §9): the exact texts of bad
// bodies, unknown keys and missing pages; tokens and plans before the body is looked at.

describe.each(DIALECTS)('page write refusals (%s)', (dialect) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await demoServer(dialect);
  });
  afterAll(async () => s?.close());

  it('answers schema mismatches, unknown keys, bad bodies and missing pages exactly', async () => {
    const mismatch = await s.send('POST', '/v2/pages/', landingBody('mismatch', { hero_imagee: 'x' }));
    expect(mismatch.body).toEqual({ detail: "Field 'hero_imagee' is not defined in this page type" });
    expect((await s.send('POST', '/v2/pages/', { ...landingBody('k'), titel: 'x' })).body).toEqual({
      detail: "Unknown key 'titel' in request body",
    });
    const notJson = await s.app.inject({
      method: 'POST',
      url: '/v2/pages/',
      headers: { authorization: `Token ${s.demo.write_token}`, 'content-type': 'application/json' },
      payload: '{"title": ',
    });
    expect(notJson.statusCode).toBe(400);
    expect(JSON.parse(notJson.body)).toEqual({ detail: 'JSON parse error' });
    const plain = await s.app.inject({
      method: 'POST',
      url: '/v2/pages/',
      headers: { authorization: `Token ${s.demo.write_token}`, 'content-type': 'text/plain' },
      payload: 'hello',
    });
    expect(JSON.parse(plain.body)).toEqual({ detail: 'JSON parse error' });
    expect((await s.send('POST', '/v2/pages/', [1, 2])).body).toEqual({ detail: 'Request body must be a JSON object' });
    expect((await s.send('POST', '/v2/pages/', { ...landingBody('t'), fields: 'x' })).body).toEqual({
      detail: "'fields' must be an object",
    });
    expect((await s.send('PATCH', '/v2/pages/landing_page/nope/', { title: 'x' })).body).toEqual({
      detail: 'Page matching query does not exist',
    });
    expect((await s.send('PATCH', '/v2/pages/nope/launch/', { title: 'x' })).status).toBe(404);
    expect((await s.send('PATCH', '/v2/pages/landing_page/launch/?locale=fr', { title: 'x' })).body).toEqual({
      detail: 'Invalid locale parameter',
    });
    const locales = await s.send('PATCH', '/v2/pages/landing_page/launch/', {
      fields: { en: { headline: 'x' }, fr: { headline: 'y' } },
    });
    expect(locales.body).toEqual({ detail: { fields: { fr: ['"fr" is not an enabled locale.'] } } });
    const big = await s.send('POST', '/v2/pages/', {
      ...landingBody('big'),
      fields: { ...landingBody('big').fields, body: 'x'.repeat(11 * 1024 * 1024) },
    });
    expect(big.status).toBe(413);
    expect(big.body).toEqual({ detail: 'Request body too large' });
  });

  it('needs a write token, and a plan with the write API', async () => {
    const read = await s.send('POST', '/v2/pages/', landingBody('by-reader'), s.demo.read_token);
    expect(read.status).toBe(401);
    expect(read.body).toEqual({ detail: 'Authentication credentials were not provided' });
    expect((await s.send('POST', '/v2/pages/', landingBody('anon'), null)).status).toBe(401);
    const free = await createAccount(s.store.db, { name: 'Free one', plan: 'free' });
    const r = await s.send('POST', '/v2/pages/', landingBody('free'), free.write_token);
    expect(r.status).toBe(403);
    expect(r.body).toEqual({ detail: 'You do not have permission to perform this action' });
    const query = await s.app.inject({
      method: 'DELETE',
      url: `/v2/pages/landing_page/nope/?auth_token=${s.demo.write_token}`,
    });
    expect(query.statusCode).toBe(404);
  });
});

describe.each(DIALECTS)('write checks in contract order (%s)', (dialect) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await demoServer(dialect);
  });
  afterAll(async () => s?.close());

  it('answers 401 and 403 before looking at the body', async () => {
    const inject = (token: string) =>
      s.app.inject({
        method: 'POST',
        url: '/v2/pages/',
        headers: { authorization: `Token ${token}`, 'content-type': 'application/json' },
        payload: '{broken',
      });
    const read = await inject(s.demo.read_token);
    expect(read.statusCode).toBe(401);
    expect(JSON.parse(read.body)).toEqual({ detail: 'Authentication credentials were not provided' });
    const free = await createAccount(s.store.db, { name: 'Free two', plan: 'free' });
    const forbidden = await inject(free.write_token);
    expect(forbidden.statusCode).toBe(403);
    expect((await inject(s.demo.write_token)).statusCode).toBe(400);
  });
});
