// A small real HTTP server (node:http on 127.0.0.1, port 0) that answers as a test scripts it:
// 429 with Retry-After, 500s, HTML gateway pages, slow or stalled answers. Not a mock of the
// client: the client speaks real HTTP to it, through the real fetch.
import http from 'node:http';
import net from 'node:net';

/** One request as the peer saw it. */
export interface SeenRequest {
  method: string;
  /** Path and query, e.g. `/v2/pages/*\/homepage/?auth_token=...`. */
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** How to answer one request. */
export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string as is. */
  body?: unknown;
  /** Wait this long before sending the headers. */
  delayMs?: number;
  /** Send the headers and part of the body, then never finish. */
  stallBody?: boolean;
}

export interface Peer {
  /** Base URL of the API on the peer: `http://127.0.0.1:<port>/v2`. */
  baseUrl: string;
  requests: SeenRequest[];
  close(): Promise<void>;
}

/** Starts a peer answering the n-th request with `replies[n]` (the last one repeats). */
export async function startPeer(replies: Reply[] | ((request: SeenRequest, index: number) => Reply)): Promise<Peer> {
  const requests: SeenRequest[] = [];
  const pick =
    typeof replies === 'function' ? replies : (_: SeenRequest, i: number) => replies[Math.min(i, replies.length - 1)]!;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const seen: SeenRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(seen);
      const reply = pick(seen, requests.length - 1);
      setTimeout(() => answer(res, reply), reply.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v2`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        // Stalled answers would keep close() waiting forever.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function answer(res: http.ServerResponse, reply: Reply): void {
  if (res.destroyed) return;
  const body = typeof reply.body === 'string' ? reply.body : reply.body === undefined ? '' : JSON.stringify(reply.body);
  const type = typeof reply.body === 'string' ? 'text/html' : 'application/json; charset=utf-8';
  res.writeHead(reply.status ?? 200, { 'content-type': type, ...reply.headers });
  if (reply.stallBody) {
    res.write(body.slice(0, Math.max(1, Math.floor(body.length / 2))));
    return;
  }
  res.end(body);
}

/** A base URL where nothing listens (a port bound, then released): connections are refused. */
export async function deadBaseUrl(): Promise<string> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return `http://127.0.0.1:${port}/v2`;
}

/** A recording `sleep` for the client: resolves at once and remembers each wait. */
export function recordingSleep(): { sleep: (ms: number) => Promise<void>; waits: number[] } {
  const waits: number[] = [];
  return { waits, sleep: async (ms) => void waits.push(ms) };
}
