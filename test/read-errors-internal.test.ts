import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from './helpers/databases.js';
import { expectError, JSON_TYPE, send, TEXT } from './helpers/read-errors.js';
import { demoServer, type TestServer } from './helpers/server.js';

// The generic 500 (docs/api.md §9): an unexpected failure says nothing of its cause, carries a
// request id of its own, and checks that need no database still answer as usual.

const READS = [
  '/v2/pages/landing_page/about-us/',
  '/v2/pages/landing_page/',
  '/v2/pages/search/?query=ghee',
  '/v2/content/brands/',
  '/v2/content/brands/1/',
];

describe.each(DIALECTS)('the 500 contract (%s)', (dialect) => {
  let s: TestServer;

  beforeAll(async () => {
    s = await demoServer(dialect);
    // Pull the database out from under the app: every authenticated request now fails inside.
    await s.store.close();
  });

  afterAll(async () => {
    await s?.app.close();
  });

  it.for(READS)(
    'an unexpected failure is the generic 500 with a request id, and nothing of its cause: %s',
    async (url) => {
      const res = await send(s, 'GET', url);
      expect({ url, status: res.status, body: JSON.parse(res.text) }).toEqual({
        url,
        status: 500,
        body: { detail: TEXT.internal },
      });
      expect(res.text).toBe(JSON.stringify({ detail: TEXT.internal }));
      expect(res.text).not.toMatch(/select|from |sqlite|postgres|pool|Error|\bat |\.ts|\.js|\n/);
      expect(res.headers['content-type']).toBe(JSON_TYPE);
      expect(String(res.headers['x-request-id'])).toMatch(/^\S{8,}$/);
      expect(res.headers['access-control-allow-origin']).toBe('*');
    },
  );

  it('each 500 has its own request id', async () => {
    const a = await send(s, 'GET', '/v2/content/brands/');
    const b = await send(s, 'GET', '/v2/content/brands/');
    expect(a.headers['x-request-id']).not.toBe(b.headers['x-request-id']);
  });

  it('checks that need no database still answer as usual', async () => {
    await expectError(s, '/v2/nope/', 404, TEXT.notFound, null);
    await expectError(s, '/v2/pages/landing_page/', 401, TEXT.noCredentials, null);
  });
});
