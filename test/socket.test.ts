// The app over a real socket (port 0): what only a real HTTP exchange shows. Conventions of
// docs/api.md §1 (trailing slashes, content type, CORS, request ids), 405 and HEAD, keep-alive,
// and a clean close.
import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from './helpers/databases.js';
import { demoSocketServer, type SocketServer } from './helpers/socket-server.js';

const JSON_TYPE = 'application/json; charset=utf-8';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const PREFLIGHT_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE',
  'access-control-allow-headers': 'Authorization, Content-Type, X-Butter-Client',
  'access-control-max-age': '86400',
};

interface Answer {
  status: number;
  headers: Headers;
  text: string;
}

/** Rejects when `promise` takes longer than `ms`: every wait in this file is bounded. */
function within<T>(ms: number, promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** One request with a keep-alive agent; `reused` says whether it went over an already open socket. */
function agentRequest(agent: http.Agent, url: string, headers: http.OutgoingHttpHeaders = {}) {
  return within(10_000, new Promise<{ status: number; reused: boolean; body: string }>((resolve, reject) => {
    const req = http.get(url, { agent, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, reused: req.reusedSocket, body }));
      res.on('error', reject);
    });
    req.on('error', reject);
  }), `GET ${url}`);
}

describe.each(DIALECTS)('Ghee over a real socket (%s)', (dialect) => {
  let server: SocketServer;
  let closed = false;

  beforeAll(async () => {
    server = await demoSocketServer(dialect);
  });

  afterAll(async () => {
    if (server && !closed) await within(10_000, server.close(), 'server.close()');
  });

  /** fetch against the server, never following redirects, with the demo read token unless `token` is null. */
  async function call(path: string, init: RequestInit & { token?: string | null } = {}): Promise<Answer> {
    const { token = server.demo.read_token, ...rest } = init;
    const headers = new Headers(rest.headers);
    if (token) headers.set('authorization', `Token ${token}`);
    const res = await fetch(`${server.url}${path}`, { ...rest, headers, redirect: 'manual', signal: AbortSignal.timeout(10_000) });
    return { status: res.status, headers: res.headers, text: await res.text() };
  }

  function json(answer: Answer): any {
    return JSON.parse(answer.text);
  }

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
      ['404 unknown page', '/v2/pages/landing_page/no-such-page/', {}, 404, { detail: 'Page matching query does not exist' }],
      ['404 unknown route', '/v2/no/such/route/', {}, 404, { detail: 'Not found' }],
      ['405 wrong method', '/v2/pages/landing_page/', { method: 'DELETE' }, 405, { detail: 'Method "DELETE" not allowed.' }],
      ['401 no token', '/v2/pages/*/homepage/', { token: null }, 401, { detail: 'Authentication credentials were not provided' }],
      ['401 bad token', '/v2/pages/*/homepage/', { token: `ghee_r_${'x'.repeat(40)}` }, 401, { detail: 'Invalid token' }],
      ['400 malformed URL', '/v2/pages/%E0%A4%A/x/', {}, 400, { detail: 'Malformed URL' }],
      ['400 bad parameter', '/v2/pages/landing_page/?page_size=0', {}, 400, { detail: 'page_size query parameter should be an integer between 1 and 100 (inclusive)' }],
    ];

    it.each(cases)('%s: JSON content type, an x-request-id, Access-Control-Allow-Origin *', async (_name, path, init, status, body) => {
      const answer = await call(path, init);
      expect(answer.status).toBe(status);
      expect(answer.headers.get('content-type')).toBe(JSON_TYPE);
      expect(answer.headers.get('x-request-id')).toMatch(UUID);
      expect(answer.headers.get('access-control-allow-origin')).toBe('*');
      if (body !== null) expect(json(answer)).toEqual(body);
      else expect(json(answer).data.slug).toBe('homepage');
      if (status === 401) expect(answer.headers.get('www-authenticate')).toBe('Token');
    });

    it('every answer gets its own request id, outside /v2 too', async () => {
      const answers = await Promise.all([
        call('/v2/pages/*/homepage/'),
        call('/v2/pages/*/homepage/'),
        call('/not-the-api', { token: null }),
        call('/v2/pages/landing_page/', { method: 'OPTIONS', headers: { 'access-control-request-method': 'GET' }, token: null }),
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
        headers: { origin: 'https://site.example', 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization, x-butter-client' },
      });
      expect(answer.status).toBe(204);
      for (const [name, value] of Object.entries(PREFLIGHT_HEADERS)) expect(answer.headers.get(name), name).toBe(value);
      expect(answer.headers.get('x-request-id')).toMatch(UUID);
      expect(answer.headers.get('www-authenticate')).toBeNull();
      expect(answer.text).toBe('');
    });

    it('a preflight for a write method on a read path is answered too (the browser asks before it sends)', async () => {
      const answer = await call('/v2/content/brands/', { method: 'OPTIONS', token: null, headers: { 'access-control-request-method': 'POST' } });
      expect(answer.status).toBe(204);
      for (const [name, value] of Object.entries(PREFLIGHT_HEADERS)) expect(answer.headers.get(name), name).toBe(value);
    });
  });

  describe('methods', () => {
    it.each(['/v2/pages/landing_page/launch/', '/v2/pages/landing_page/', '/v2/pages/search/', '/v2/content/brands/1/'])(
      'POST on the read path %s: 405 with Allow, before authentication',
      async (path) => {
        for (const token of [null, undefined]) {
          const answer = await call(path, { method: 'POST', token, headers: { 'content-type': 'application/json' }, body: '{}' });
          expect(answer.status).toBe(405);
          expect(answer.headers.get('content-type')).toBe(JSON_TYPE);
          expect(json(answer)).toEqual({ detail: 'Method "POST" not allowed.' });
          const allow = answer.headers.get('allow')!.split(',').map((m) => m.trim());
          expect(allow).toContain('GET');
          expect(allow).toContain('HEAD');
          expect(allow).not.toContain('POST');
        }
      },
    );

    // docs/api.md §9: the route check (405) comes before body syntax (400) and authentication.
    it.each([
      ['application/json', '{not json'],
      ['text/plain', 'hello'],
    ])('POST with a %s body that is not JSON on a read path: still 405', async (type, body) => {
      const answer = await call('/v2/pages/*/homepage/', { method: 'POST', token: null, headers: { 'content-type': type }, body });
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

  it('keeps the connection alive across answers, errors included', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const auth = { authorization: `Token ${server.demo.read_token}` };
      const answers = [
        await agentRequest(agent, `${server.url}/v2/pages/*/homepage/`, auth),
        await agentRequest(agent, `${server.url}/v2/pages/landing_page/no-such-page/`, auth),
        await agentRequest(agent, `${server.url}/v2/pages/*/homepage/`),
        await agentRequest(agent, `${server.url}/v2/no/such/route/`),
        await agentRequest(agent, `${server.url}/v2/content/brands/`, auth),
      ];
      expect(answers.map((a) => a.status)).toEqual([200, 404, 401, 404, 200]);
      expect(answers.map((a) => a.reused)).toEqual([false, true, true, true, true]);
      expect(JSON.parse(answers[4]!.body).data.brands).toHaveLength(3);
    } finally {
      agent.destroy();
    }
  });

  // Last: closes the suite's server (afterAll only closes it when this test did not run).
  it('closes cleanly: idle keep-alive connections are ended and new ones refused', async () => {
    const socket = net.connect({ host: '127.0.0.1', port: Number(new URL(server.url).port) });
    const socketClosed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.on('error', () => undefined);
    const firstAnswer = new Promise<string>((resolve) => {
      let text = '';
      socket.on('data', (chunk) => {
        text += chunk.toString('utf8');
        if (text.includes('\r\n\r\n')) resolve(text);
      });
    });
    await within(5_000, new Promise<void>((resolve) => socket.once('connect', () => resolve())), 'connect');
    socket.write(`GET /v2/pages/*/homepage/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\nAuthorization: Token ${server.demo.read_token}\r\n\r\n`);
    expect(await within(5_000, firstAnswer, 'first answer')).toMatch(/^HTTP\/1\.1 200 OK\r\n/);

    closed = true;
    await within(10_000, server.close(), 'server.close() with an idle keep-alive connection');
    await within(5_000, socketClosed, 'the idle connection to be ended');
    await expect(fetch(`${server.url}/v2/pages/*/homepage/`, { signal: AbortSignal.timeout(5_000) })).rejects.toThrow();
  });
});
