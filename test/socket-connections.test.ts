import http from 'node:http';
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { DIALECTS } from './helpers/databases.js';
import { useSocketServer, within } from './helpers/socket-suite.js';

// Connections to the app on a real socket (port 0): keep-alive across answers, errors included,
// and a clean close that ends idle connections.

/** One request with a keep-alive agent; `reused` says whether it went over an already open socket. */
function agentRequest(agent: http.Agent, url: string, headers: http.OutgoingHttpHeaders = {}) {
  return within(
    10_000,
    new Promise<{ status: number; reused: boolean; body: string }>((resolve, reject) => {
      const req = http.get(url, { agent, headers }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, reused: req.reusedSocket, body }));
        res.on('error', reject);
      });
      req.on('error', reject);
    }),
    `GET ${url}`,
  );
}

describe.each(DIALECTS)('connections over a real socket (%s)', (dialect) => {
  const sock = useSocketServer(dialect);

  it('keeps the connection alive across answers, errors included', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const auth = { authorization: `Token ${sock.server.demo.read_token}` };
      const answers = [
        await agentRequest(agent, `${sock.server.url}/v2/pages/*/homepage/`, auth),
        await agentRequest(agent, `${sock.server.url}/v2/pages/landing_page/no-such-page/`, auth),
        await agentRequest(agent, `${sock.server.url}/v2/pages/*/homepage/`),
        await agentRequest(agent, `${sock.server.url}/v2/no/such/route/`),
        await agentRequest(agent, `${sock.server.url}/v2/content/brands/`, auth),
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
    const socket = net.connect({ host: '127.0.0.1', port: Number(new URL(sock.server.url).port) });
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
    socket.write(
      `GET /v2/pages/*/homepage/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\nAuthorization: Token ${sock.server.demo.read_token}\r\n\r\n`,
    );
    expect(await within(5_000, firstAnswer, 'first answer')).toMatch(/^HTTP\/1\.1 200 OK\r\n/);

    await within(10_000, sock.closeNow(), 'server.close() with an idle keep-alive connection');
    await within(5_000, socketClosed, 'the idle connection to be ended');
    await expect(
      fetch(`${sock.server.url}/v2/pages/*/homepage/`, { signal: AbortSignal.timeout(5_000) }),
    ).rejects.toThrow();
  });
});
