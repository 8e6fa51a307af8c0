import { describe, expect, it } from 'vitest';
import { DIALECTS } from './helpers/databases.js';
import { JSON_TYPE, json, UUID, useSocketServer } from './helpers/socket-suite.js';

// Methods over a real socket (port 0): 405 with Allow on read paths before anything else is
// looked at (docs/api.md §9), and HEAD answering as GET without a body.

describe.each(DIALECTS)('methods over a real socket (%s)', (dialect) => {
  const { call } = useSocketServer(dialect);

  describe('methods', () => {
    it.each([
      '/v2/pages/landing_page/launch/',
      '/v2/pages/landing_page/',
      '/v2/pages/search/',
      '/v2/content/brands/1/',
    ])('POST on the read path %s: 405 with Allow, before authentication', async (path) => {
      for (const token of [null, undefined]) {
        const answer = await call(path, {
          method: 'POST',
          token,
          headers: { 'content-type': 'application/json' },
          body: '{}',
        });
        expect(answer.status).toBe(405);
        expect(answer.headers.get('content-type')).toBe(JSON_TYPE);
        expect(json(answer)).toEqual({ detail: 'Method "POST" not allowed.' });
        const allow = answer.headers
          .get('allow')!
          .split(',')
          .map((m) => m.trim());
        expect(allow).toContain('GET');
        expect(allow).toContain('HEAD');
        expect(allow).not.toContain('POST');
      }
    });

    // docs/api.md §9: the route check (405) comes before body syntax (400) and authentication.
    it.each([
      ['application/json', '{not json'],
      ['text/plain', 'hello'],
    ])('POST with a %s body that is not JSON on a read path: still 405', async (type, body) => {
      const answer = await call('/v2/pages/*/homepage/', {
        method: 'POST',
        token: null,
        headers: { 'content-type': type },
        body,
      });
      expect(answer.status).toBe(405);
      expect(answer.headers.get('content-type')).toBe(JSON_TYPE);
      expect(json(answer)).toEqual({ detail: 'Method "POST" not allowed.' });
    });

    it('HEAD on a GET path: the GET headers, no body', async () => {
      // Without compression, so the length is the JSON's own.
      const identity = { 'accept-encoding': 'identity' };
      const get = await call('/v2/pages/*/homepage/', { headers: identity });
      const head = await call('/v2/pages/*/homepage/', { method: 'HEAD', headers: identity });
      expect(head.status).toBe(200);
      expect(head.text).toBe('');
      expect(head.headers.get('content-type')).toBe(JSON_TYPE);
      expect(head.headers.get('content-length')).toBe(String(Buffer.byteLength(get.text)));
      expect(head.headers.get('etag')).toBe(get.headers.get('etag'));
      expect(head.headers.get('access-control-allow-origin')).toBe('*');
      expect(head.headers.get('x-request-id')).toMatch(UUID);
    });

    it('HEAD follows the GET answer: 401 without a token, 404 for an unknown page', async () => {
      const noToken = await call('/v2/pages/*/homepage/', { method: 'HEAD', token: null });
      expect(noToken.status).toBe(401);
      expect(noToken.text).toBe('');
      expect(noToken.headers.get('www-authenticate')).toBe('Token');
      const missing = await call('/v2/pages/landing_page/no-such-page/', { method: 'HEAD' });
      expect(missing.status).toBe(404);
      expect(missing.headers.get('content-type')).toBe(JSON_TYPE);
    });
  });
});
