// A body over the limit (10 MB) sent to a spawned `ghee serve` (docs/api.md, "Errors"): the client
// always reads the 413 `{"detail": "Request body too large"}`, whatever it is (Node's fetch,
// node:http with a Content-Length, a chunked body that crosses the limit), because Ghee reads and
// discards the rest of the body before it closes; closing at once reset the connection under the
// client, which then failed with EPIPE or ECONNRESET instead of reading the answer. (A server in
// the test's own process hides this: its close never races the client's writes.)
import { execFile } from 'node:child_process';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from './helpers/databases.js';
import { healthWhile } from './helpers/liveness.js';
import { serveProcess, type ServedProcess } from './helpers/served-process.js';
import { demoSocketServer } from './helpers/socket-server.js';

const TOO_LARGE = { detail: 'Request body too large' };
const JSON_TYPE = 'application/json; charset=utf-8';
const BODY = Buffer.alloc(11 * 1024 * 1024, 0x61);
const TRIES = Array.from({ length: 20 }, (_, i) => i + 1);

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

describe.each(DIALECTS)('request bodies over the limit (%s)', (dialect) => {
  let server: ServedProcess;
  let agent: http.Agent;

  beforeAll(async () => {
    server = await serveProcess(dialect, { LOG_LEVEL: 'warn' });
    agent = new http.Agent({ keepAlive: true });
  }, 60_000);

  afterAll(async () => {
    agent?.destroy();
    await server?.close();
  });

  /** A POST with node:http: with a Content-Length, or chunked (`chunked: true`, written in 1 MB pieces). */
  function post(path: string, options: { chunked?: boolean; keepAlive?: boolean } = {}): Promise<Answer | string> {
    return new Promise((resolve) => {
      const headers: http.OutgoingHttpHeaders = {
        authorization: `Token ${server.demo.write_token}`,
        'content-type': 'application/json',
      };
      if (!options.chunked) headers['content-length'] = BODY.length;
      const req = http.request(
        `${server.url}${path}`,
        { method: 'POST', headers, ...(options.keepAlive && { agent }) },
        (res) => {
          let body = '';
          res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
          res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
          res.on('error', (error: NodeJS.ErrnoException) => resolve(`response ${error.code}`));
        },
      );
      req.on('error', (error: NodeJS.ErrnoException) => resolve(`request ${error.code}`));
      if (!options.chunked) return void req.end(BODY);
      const step = 1024 * 1024;
      for (let at = 0; at < BODY.length; at += step) req.write(BODY.subarray(at, at + step));
      req.end();
    });
  }

  function expectTooLarge(answer: Answer | string): void {
    expect(typeof answer === 'string' ? answer : { status: answer.status, body: JSON.parse(answer.body) }).toEqual({
      status: 413,
      body: TOO_LARGE,
    });
    const { headers } = answer as Answer;
    expect(headers['content-type']).toBe(JSON_TYPE);
    expect(headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(headers.connection).toBe('close');
  }

  it.for(TRIES)("Node's fetch (as the client uses) reads the 413 JSON, try %i of 20", async () => {
    const res = await fetch(`${server.url}/v2/pages/`, {
      method: 'POST',
      body: BODY,
      headers: { authorization: `Token ${server.demo.write_token}`, 'content-type': 'application/json' },
      signal: AbortSignal.timeout(20_000),
    });
    expect({ status: res.status, body: await res.json() }).toEqual({ status: 413, body: TOO_LARGE });
    expect(res.headers.get('content-type')).toBe(JSON_TYPE);
  });

  it.for(TRIES)('node:http with a Content-Length reads the 413 JSON, try %i of 20', async () => {
    expectTooLarge(await post('/v2/pages/'));
  });

  it.for(TRIES.slice(0, 5))(
    'node:http with a chunked body crossing the limit reads the 413 JSON, try %i of 5',
    async () => {
      expectTooLarge(await post('/v2/content/', { chunked: true }));
    },
  );

  it('a keep-alive client: the 413, then its next request on a new connection works', async () => {
    expectTooLarge(await post('/v2/pages/', { keepAlive: true }));
    const next = await new Promise<number>((resolve, reject) => {
      http
        .get(`${server.url}/healthz`, { agent }, (res) => (res.resume(), resolve(res.statusCode!)))
        .on('error', reject);
    });
    expect(next).toBe(200);
  });

  it('/healthz keeps answering within 100 ms while an oversize body is drained', async () => {
    const inProcess = await demoSocketServer(dialect);
    // The upload comes from another process, so that only the server runs on this event loop.
    const upload = () =>
      new Promise<string>((resolve, reject) => {
        const script =
          'fetch(process.argv[1], { method: "POST", body: Buffer.alloc(11 * 1024 * 1024, 97), headers: { authorization: process.argv[2] } })' +
          '.then(async (res) => console.log(res.status, await res.text()), (error) => console.log(String(error)))';
        execFile(
          process.execPath,
          ['-e', script, `${inProcess.url}/v2/pages/`, `Token ${inProcess.demo.write_token}`],
          { timeout: 30_000 },
          (error, stdout) => (error ? reject(error) : resolve(stdout.trim())),
        );
      });
    try {
      const { result, slowestMs } = await healthWhile(inProcess.app, upload);
      expect(result).toBe(`413 ${JSON.stringify(TOO_LARGE)}`);
      expect(slowestMs).toBeLessThan(100);
    } finally {
      await inProcess.close();
    }
  });
});
