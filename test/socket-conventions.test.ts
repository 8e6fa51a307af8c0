import { describe, expect, it } from 'vitest';
import { DIALECTS } from './helpers/databases.js';
import { JSON_TYPE, json, UUID, useSocketServer } from './helpers/socket-suite.js';

// The conventions of docs/api.md §1 over a real socket (port 0), where only a real HTTP exchange
// shows them: trailing slashes without redirects, the content type, request ids and CORS on every
// answer, and preflights.

const PREFLIGHT_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE',
  'access-control-allow-headers': 'Authorization, Content-Type, X-Butter-Client',
  'access-control-max-age': '86400',
};

describe.each(DIALECTS)('API conventions over a real socket (%s)', (dialect) => {
  const { call } = useSocketServer(dialect);

  describe('trailing slashes', () => {
    it.each([
      ['/v2/pages/*/homepage', ''],
      ['/v2/pages/landing_page/launch', '?locale=es'],
      ['/v2/pages/landing_page', '?page_size=2'],
      ['/v2/pages/search', '?query=ghee'],
      ['/v2/content/brands,categories', ''],
      ['/v2/content', '?keys=brands'],
    ])('%s works with and without the slash, without a redirect', async (path, query) => {
      const withSlash = await call(`${path}/${query}`);
      const withoutSlash = await call(`${path}${query}`);
      expect(withSlash.status).toBe(200);
      expect(withoutSlash.status).toBe(200);
      expect(withoutSlash.headers.get('location')).toBeNull();
      expect(json(withoutSlash)).toEqual(json(withSlash));
    });

    it('a collection item by id works with and without the slash', async () => {
      const list = json(await call('/v2/content/brands/?levels=1'));
      const id = list.data.brands[0].meta.id as number;
      const withSlash = await call(`/v2/content/brands/${id}/`);
      const withoutSlash = await call(`/v2/content/brands/${id}`);
      expect([withSlash.status, withoutSlash.status]).toEqual([200, 200]);
      expect(json(withoutSlash)).toEqual(json(withSlash));
      expect(json(withSlash).data).toMatchObject({ meta: { id }, name: 'Acme' });
    });

    it('an unknown path is a 404 either way', async () => {
      for (const path of ['/v2/nothing/here', '/v2/nothing/here/']) {
        const answer = await call(path);
        expect(answer.status).toBe(404);
        expect(json(answer)).toEqual({ detail: 'Not found' });
      }
    });
  });

  describe('content type, request id and CORS on every answer', () => {
    const cases: Array<[string, string, RequestInit & { token?: string | null }, number, unknown]> = [
      ['200', '/v2/pages/*/homepage/', {}, 200, null],
      [
        '404 unknown page',
        '/v2/pages/landing_page/no-such-page/',
        {},
        404,
        { detail: 'Page matching query does not exist' },
      ],
      ['404 unknown route', '/v2/no/such/route/', {}, 404, { detail: 'Not found' }],
      [
        '405 wrong method',
        '/v2/pages/landing_page/',
        { method: 'DELETE' },
        405,
        { detail: 'Method "DELETE" not allowed.' },
      ],
      [
        '401 no token',
        '/v2/pages/*/homepage/',
        { token: null },
        401,
        { detail: 'Authentication credentials were not provided' },
      ],
      [
        '401 bad token',
        '/v2/pages/*/homepage/',
        { token: `ghee_r_${'x'.repeat(40)}` },
        401,
        { detail: 'Invalid token' },
      ],
      ['400 malformed URL', '/v2/pages/%E0%A4%A/x/', {}, 400, { detail: 'Malformed URL' }],
      [
        '400 bad parameter',
        '/v2/pages/landing_page/?page_size=0',
        {},
        400,
        { detail: 'page_size query parameter should be an integer between 1 and 100 (inclusive)' },
      ],
    ];

    it.each(cases)(
      '%s: JSON content type, an x-request-id, Access-Control-Allow-Origin *',
      async (_name, path, init, status, body) => {
        const answer = await call(path, init);
        expect(answer.status).toBe(status);
        expect(answer.headers.get('content-type')).toBe(JSON_TYPE);
        expect(answer.headers.get('x-request-id')).toMatch(UUID);
        expect(answer.headers.get('access-control-allow-origin')).toBe('*');
        if (body !== null) expect(json(answer)).toEqual(body);
        else expect(json(answer).data.slug).toBe('homepage');
        if (status === 401) expect(answer.headers.get('www-authenticate')).toBe('Token');
      },
    );

    it('every answer gets its own request id, outside /v2 too', async () => {
      const answers = await Promise.all([
        call('/v2/pages/*/homepage/'),
        call('/v2/pages/*/homepage/'),
        call('/not-the-api', { token: null }),
        call('/v2/pages/landing_page/', {
          method: 'OPTIONS',
          headers: { 'access-control-request-method': 'GET' },
          token: null,
        }),
      ]);
      const ids = answers.map((a) => a.headers.get('x-request-id'));
      for (const id of ids) expect(id).toMatch(UUID);
      expect(new Set(ids).size).toBe(ids.length);
      expect(answers[2]!.status).toBe(404);
      expect(answers[2]!.headers.get('content-type')).toBe(JSON_TYPE);
      expect(json(answers[2]!)).toEqual({ detail: 'Not found' });
    });
  });

  describe('CORS preflight', () => {
    it.each([
      ['a known path', '/v2/pages/landing_page/'],
      ['a known path without its slash', '/v2/pages/*/homepage'],
      ['an unknown path', '/v2/no/such/route/'],
    ])('on %s: 204 with the CORS headers, no token needed', async (_name, path) => {
      const answer = await call(path, {
        method: 'OPTIONS',
        token: null,
        headers: {
          origin: 'https://site.example',
          'access-control-request-method': 'GET',
          'access-control-request-headers': 'authorization, x-butter-client',
        },
      });
      expect(answer.status).toBe(204);
      for (const [name, value] of Object.entries(PREFLIGHT_HEADERS)) expect(answer.headers.get(name), name).toBe(value);
      expect(answer.headers.get('x-request-id')).toMatch(UUID);
      expect(answer.headers.get('www-authenticate')).toBeNull();
      expect(answer.text).toBe('');
    });

    it('a preflight for a write method on a read path is answered too (the browser asks before it sends)', async () => {
      const answer = await call('/v2/content/brands/', {
        method: 'OPTIONS',
        token: null,
        headers: { 'access-control-request-method': 'POST' },
      });
      expect(answer.status).toBe(204);
      for (const [name, value] of Object.entries(PREFLIGHT_HEADERS)) expect(answer.headers.get(name), name).toBe(value);
    });
  });
});
