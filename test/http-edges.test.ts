// What Node's HTTP parser refuses before Fastify sees a request (a URL and headers over 16 KB,
// a malformed request line), over a real socket (docs/api.md, "Errors"): the one error format
// (`{"detail": ...}`, JSON with charset, an X-Request-Id) with `Connection: close`, a complete
// answer and a clean close (FIN, not a reset), so a keep-alive client's next request works.
// And a malformed Content-Type: the body is read as JSON like any other, never a 415.
import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from './helpers/databases.js';
import { demoSocketServer, type SocketServer } from './helpers/socket-server.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TOO_LARGE = 'URL and headers too large: at most 16 KB';

/** What a raw connection received, parsed, and how it ended ('end' is a FIN; else the error code). */
interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
  ended: string;
}

describe.each(DIALECTS)('requests the HTTP parser refuses (%s)', (dialect) => {
  let server: SocketServer;
  let port: number;

  beforeAll(async () => {
    server = await demoSocketServer(dialect);
    port = Number(new URL(server.url).port);
  });

  afterAll(async () => {
    await server?.close();
  });

  /** Writes `raw` on a new connection and reads until the server closes it (bounded by 10 s). */
  function exchange(raw: string): Promise<RawAnswer> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () => socket.write(raw));
      let text = '';
      let ended = '';
      const timer = setTimeout(
        () => reject(new Error(`no close within 10 s; got ${JSON.stringify(text.slice(0, 200))}`)),
        10_000,
      );
      socket.setEncoding('latin1').on('data', (chunk: string) => (text += chunk));
      socket.on('end', () => (ended ||= 'end'));
      socket.on('error', (error: NodeJS.ErrnoException) => (ended ||= error.code ?? 'error'));
      socket.on('close', () => {
        clearTimeout(timer);
        const [head = '', body = ''] = text.split('\r\n\r\n');
        const [statusLine = '', ...lines] = head.split('\r\n');
        const headers = Object.fromEntries(
          lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]),
        );
        let parsed: unknown = body;
        try {
          parsed = JSON.parse(body);
        } catch {
          // left as text: the assertion shows it
        }
        resolve({ status: Number(statusLine.split(' ')[1]), headers, body: parsed, ended });
      });
    });
  }

  function expectOneErrorFormat(answer: RawAnswer, status: number, detail: string): void {
    expect({ status: answer.status, body: answer.body, ended: answer.ended }).toEqual({
      status,
      body: { detail },
      ended: 'end',
    });
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(answer.headers['x-request-id']).toMatch(UUID);
    expect(answer.headers.connection).toBe('close');
    expect(answer.headers['content-length']).toBe(String(Buffer.byteLength(JSON.stringify({ detail }))));
  }

  const refused: Array<[string, string, number, string]> = [
    ['a URL over 16 KB', `GET /v2/pages/${'a'.repeat(17_000)}/ HTTP/1.1\r\nHost: x\r\n\r\n`, 431, TOO_LARGE],
    [
      'a header over 16 KB',
      `GET /v2/pages/ HTTP/1.1\r\nHost: x\r\nX-Pad: ${'p'.repeat(17_000)}\r\n\r\n`,
      431,
      TOO_LARGE,
    ],
    ['a control character in the URL', 'GET /v2/pages/\u0001/ HTTP/1.1\r\nHost: x\r\n\r\n', 400, 'Malformed URL'],
    ['a space in the URL', 'GET /v2/pages/a b/ HTTP/1.1\r\nHost: x\r\n\r\n', 400, 'Malformed request'],
    ['an unknown method', 'BREW /v2/pages/ HTTP/1.1\r\nHost: x\r\n\r\n', 400, 'Malformed request'],
    [
      'a header without a colon',
      'GET /v2/pages/ HTTP/1.1\r\nHost: x\r\nno colon here\r\n\r\n',
      400,
      'Malformed request',
    ],
  ];

  it.for(refused)('%s: the one error format, Connection: close, a FIN', async ([, raw, status, detail]) => {
    expectOneErrorFormat(await exchange(raw), status, detail);
  });

  it('a /v2 URL over 16 KB carries Access-Control-Allow-Origin, so a browser can read it', async () => {
    const answer = await exchange(`GET /v2/pages/${'a'.repeat(17_000)}/ HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect(answer.headers['access-control-allow-origin']).toBe('*');
  });

  it('a client that keeps sending after a 431 still reads it, and is not reset', async () => {
    const pad = `X-Pad: ${'p'.repeat(1000)}\r\n`.repeat(40);
    const answer = await exchange(`GET /v2/pages/ HTTP/1.1\r\nHost: x\r\n${pad}\r\n${'x'.repeat(200_000)}`);
    expectOneErrorFormat(answer, 431, TOO_LARGE);
  });

  it.for(Array.from({ length: 20 }, (_, i) => i + 1))(
    'keep-alive: a 431, then the next request on the same agent works (try %i of 20)',
    async () => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      const get = (path: string) =>
        new Promise<{ status: number; connection?: string; body: string }>((resolve, reject) => {
          http
            .get(`${server.url}${path}`, { agent }, (res) => {
              let body = '';
              res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
              res.on('end', () => resolve({ status: res.statusCode!, connection: res.headers.connection, body }));
            })
            .on('error', reject);
        });
      try {
        const long = await get(`/v2/pages/${'b'.repeat(17_000)}/`);
        expect(long).toEqual({ status: 431, connection: 'close', body: JSON.stringify({ detail: TOO_LARGE }) });
        expect((await get('/healthz')).status).toBe(200);
      } finally {
        agent.destroy();
      }
    },
  );

  it('fetch: a URL over 16 KB is the 431 JSON, and the next fetch works', async () => {
    const res = await fetch(`${server.url}/v2/pages/${'c'.repeat(17_000)}/`, { signal: AbortSignal.timeout(10_000) });
    expect({ status: res.status, body: await res.json() }).toEqual({ status: 431, body: { detail: TOO_LARGE } });
    expect((await fetch(`${server.url}/healthz`, { signal: AbortSignal.timeout(10_000) })).status).toBe(200);
  });

  describe('a malformed Content-Type: the body is read as JSON (no 415)', () => {
    it.for(['json', 'application json', '', 'application/'])('Content-Type %j', async (type) => {
      const res = await server.app.inject({
        method: 'POST',
        url: '/v2/pages/',
        headers: { authorization: `Token ${server.demo.write_token}`, 'content-type': type },
        payload: JSON.stringify({ nope: 1 }),
      });
      expect({ status: res.statusCode, body: res.json() }).toEqual({
        status: 400,
        body: { detail: "Unknown key 'nope' in request body" },
      });
    });

    it('over a real socket too, with a body that is not JSON: the JSON parse error', async () => {
      const res = await fetch(`${server.url}/v2/pages/`, {
        method: 'POST',
        headers: { authorization: `Token ${server.demo.write_token}`, 'content-type': 'json' },
        body: '{not json',
        signal: AbortSignal.timeout(10_000),
      });
      expect({ status: res.status, body: await res.json() }).toEqual({
        status: 400,
        body: { detail: 'JSON parse error' },
      });
    });
  });
});
