// Secrets never reach the log (docs/security.md, "Logs"), read in the real pino output of a
// spawned `ghee serve`: `auth_token` is redacted however the query string spells it (it is
// redacted after parsing, as the app parses it), headers are never logged, and neither is the
// raw request that Node's parser refused.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from './helpers/databases.js';
import { serveProcess, type ServedProcess } from './helpers/served-process.js';

interface LogLine {
  reqId?: string;
  msg?: string;
  req?: { url?: string };
  [key: string]: unknown;
}

describe.each(DIALECTS)('log redaction (%s)', (dialect) => {
  let served: ServedProcess;

  beforeAll(async () => {
    served = await serveProcess(dialect, { LOG_LEVEL: 'debug' });
  }, 60_000);

  afterAll(async () => {
    await served?.close();
  });

  /** The log lines of one request, once its completion is logged (pino writes asynchronously). */
  async function linesOf(requestId: string): Promise<LogLine[]> {
    const deadline = Date.now() + 5_000;
    for (;;) {
      const lines = served
        .stdout()
        .split('\n')
        .filter((l) => l.includes(requestId))
        .map((l) => JSON.parse(l) as LogLine);
      if (lines.some((l) => l.msg === 'request completed' || l.msg === 'request refused by the HTTP parser'))
        return lines;
      if (Date.now() > deadline)
        throw new Error(`no completed log line for ${requestId} in:\n${served.stdout().slice(-2000)}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async function get(path: string, headers: Record<string, string> = {}) {
    const res = await fetch(`${served.url}${path}`, { headers, signal: AbortSignal.timeout(10_000) });
    await res.arrayBuffer();
    return { status: res.status, id: res.headers.get('x-request-id')! };
  }

  // [name, query built from the token, whether the app itself reads it as auth_token]
  const spellings: Array<[string, (t: string) => string, boolean]> = [
    ['plain', (t) => `?auth_token=${t}`, true],
    ['an escaped underscore', (t) => `?auth%5Ftoken=${t}`, true],
    ['every letter escaped', (t) => `?%61%75%74%68%5f%74%6f%6b%65%6e=${t}`, true],
    ['after other parameters', (t) => `?locale=es&levels=2&auth_token=${t}`, true],
    ['repeated (the last counts)', (t) => `?auth_token=ghee_r_decoy&auth_token=${t}`, true],
    ['its value escaped', (t) => `?auth_token=${[...t].map((c) => `%${c.charCodeAt(0).toString(16)}`).join('')}`, true],
    ['in capitals (not read by the app, redacted anyway)', (t) => `?AUTH_TOKEN=${t}`, false],
  ];

  it.for(spellings)(
    '?auth_token spelled %s: the request works, the log holds [redacted] and never the token',
    async ([, query, honoured]) => {
      const token = served.demo.read_token;
      const answer = await get(`/v2/pages/*/homepage/${query(token)}`);
      expect(answer.status).toBe(honoured ? 200 : 401);
      const lines = await linesOf(answer.id);
      const incoming = lines.find((l) => l.msg === 'incoming request');
      expect(incoming?.req?.url).toContain('=[redacted]');
      expect(JSON.stringify(lines)).not.toContain(token.slice(7));
      expect(served.stdout()).not.toContain(token.slice(7));
    },
  );

  it('the Authorization, Cookie and X-CSRF-Token headers are never logged', async () => {
    const secrets = { cookie: 'cookie-secret-4f9a1c', csrf: 'csrf-secret-77d0b2' };
    const answer = await get('/v2/pages/*/homepage/', {
      authorization: `Token ${served.demo.read_token}`,
      cookie: `ghee_session=${secrets.cookie}`,
      'x-csrf-token': secrets.csrf,
    });
    expect(answer.status).toBe(200);
    const logged = JSON.stringify(await linesOf(answer.id));
    for (const secret of [served.demo.read_token.slice(7), secrets.cookie, secrets.csrf])
      expect(logged).not.toContain(secret);
    expect(logged).not.toMatch(/authorization|cookie|csrf/i);
  });

  it('a failed request (401) with a token in the URL: redacted too', async () => {
    const fake = `ghee_r_${'Q'.repeat(40)}`;
    const answer = await get(`/v2/pages/*/homepage/?auth%5ftoken=${fake}`);
    expect(answer.status).toBe(401);
    const lines = await linesOf(answer.id);
    expect(JSON.stringify(lines)).not.toContain('Q'.repeat(40));
  });

  it('a request refused by the HTTP parser (431): logged by id and code, never its raw headers', async () => {
    const token = served.demo.write_token;
    const socket = net.connect(served.port, '127.0.0.1');
    socket.on('error', () => undefined);
    let text = '';
    socket.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.write(
      `GET /v2/pages/?auth_token=${token} HTTP/1.1\r\nHost: x\r\nAuthorization: Token ${token}\r\nX-Pad: ${'p'.repeat(20_000)}\r\n\r\n`,
    );
    await closed;
    const id = /x-request-id: (\S+)/.exec(text)?.[1];
    expect(text).toMatch(/^HTTP\/1\.1 431 /);
    const lines = await linesOf(id!);
    expect(lines).toEqual([
      expect.objectContaining({
        reqId: id,
        code: 'HPE_HEADER_OVERFLOW',
        status: 431,
        msg: 'request refused by the HTTP parser',
      }),
    ]);
    expect(served.stdout()).not.toContain(token.slice(7));
  });
});
