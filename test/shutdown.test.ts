// SIGTERM to a spawned `ghee serve` under keep-alive load (docs/operations.md, "When a node
// stops"): requests in flight finish, their answers carry `Connection: close`, idle keep-alive
// connections are ended (FIN, not a reset), no client sees a reset, and the process exits 0.
import http from 'node:http';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS } from './helpers/databases.js';
import { serveProcess, type ServedProcess } from './helpers/served-process.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A raw connection and everything it receives, and how it ended: 'end' (FIN) or an error code. */
function rawConnection(port: number) {
  const socket = net.connect(port, '127.0.0.1');
  let received = '';
  const ended = new Promise<string>((resolve) => {
    socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    socket.on('end', () => resolve('end'));
  });
  socket.setEncoding('utf8').on('data', (chunk: string) => (received += chunk));
  const connected = new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  return { socket, connected, ended, received: () => received };
}

describe.each(DIALECTS)('graceful shutdown (%s)', (dialect) => {
  let served: ServedProcess | undefined;

  afterEach(async () => {
    await served?.close();
    served = undefined;
  });

  it('under keep-alive load: every connection gets a last answer with Connection: close, no reset, exit 0', async () => {
    served = await serveProcess(dialect, { LOG_LEVEL: 'warn' });
    const { port, demo } = served;
    const agent = new http.Agent({ keepAlive: true, maxSockets: 6 });
    const outcomes: string[] = [];
    let stop = false;
    const one = () =>
      new Promise<void>((resolve) => {
        const req = http.get(
          {
            host: '127.0.0.1',
            port,
            path: '/v2/pages/*/homepage/',
            agent,
            headers: { authorization: `Token ${demo.read_token}` },
          },
          (res) => {
            res.resume();
            res.on('end', () => {
              outcomes.push(`${res.statusCode} ${res.headers.connection}`);
              resolve();
            });
            res.on('error', (error: NodeJS.ErrnoException) => (outcomes.push(`response ${error.code}`), resolve()));
          },
        );
        req.on('error', (error: NodeJS.ErrnoException) => {
          // Refused: the server has stopped accepting; a new connection, not a reset one.
          outcomes.push(
            error.code === 'ECONNREFUSED' && !req.reusedSocket
              ? 'refused'
              : `${req.reusedSocket ? 'reused' : 'new'} ${error.code}`,
          );
          resolve();
        });
      });
    const clients = Array.from({ length: 6 }, async () => {
      while (!stop) await one();
    });
    try {
      while (outcomes.length < 60) await sleep(20);
      served.child.kill('SIGTERM');
      expect(await served.exited).toEqual({ code: 0, signal: null });
    } finally {
      stop = true;
      await Promise.all(clients);
      agent.destroy();
    }
    const counts = outcomes.reduce<Record<string, number>>((all, o) => ({ ...all, [o]: (all[o] ?? 0) + 1 }), {});
    // Only answers and refused new connections: nothing else (ECONNRESET, socket hang up, EPIPE).
    expect(Object.keys(counts).filter((k) => !/^200 (keep-alive|close)$|^refused$/.test(k))).toEqual([]);
    expect(counts['200 close']).toBeGreaterThanOrEqual(1);
    expect(counts['200 close']).toBeLessThanOrEqual(6);
  }, 90_000);

  it('a request in flight finishes with Connection: close; an idle keep-alive connection is ended, not reset', async () => {
    served = await serveProcess(dialect, { LOG_LEVEL: 'warn' });
    const { port, demo } = served;
    const idle = rawConnection(port);
    const busy = rawConnection(port);
    await Promise.all([idle.connected, busy.connected]);
    idle.socket.write(`GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n`);
    while (!idle.received().includes('"status":"ok"')) await sleep(10);
    // Half a write: the request is in flight (its body still arriving) when SIGTERM comes.
    const body = JSON.stringify({ status: 'draft', fields: { headline: 'Sent across a shutdown' } });
    busy.socket.write(
      `PATCH /v2/pages/landing_page/launch/ HTTP/1.1\r\nHost: x\r\nAuthorization: Token ${demo.write_token}\r\n` +
        `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, 10)}`,
    );
    await sleep(200);
    served.child.kill('SIGTERM');
    await sleep(300);
    busy.socket.write(body.slice(10));
    expect(await busy.ended).toBe('end');
    expect(busy.received()).toMatch(/^HTTP\/1\.1 202 Accepted\r\n/);
    expect(busy.received().toLowerCase()).toContain('\r\nconnection: close\r\n');
    expect(JSON.parse(busy.received().slice(busy.received().indexOf('\r\n\r\n') + 4))).toEqual({ status: 'pending' });
    expect(await idle.ended).toBe('end');
    expect(await served.exited).toEqual({ code: 0, signal: null });
  }, 90_000);
});
