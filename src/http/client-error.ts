import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyBaseLogger } from 'fastify';
import { errors, type GheeError } from '../errors/index.js';
import { STATUS_OF } from './error-status.js';
import { lingerClose } from './linger-close.js';
import { JSON_TYPE } from './send.js';

/** Sockets already answered: after a parse error, Node reports every further chunk again. */
const answered = new WeakSet<Socket>();

/** Node's parser errors, as the one error format's texts. */
function toGheeError(code: string): GheeError {
  if (code === 'HPE_HEADER_OVERFLOW') return errors.headersTooLarge();
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return errors.requestTimeout();
  if (code === 'HPE_CHUNK_EXTENSIONS_OVERFLOW') return errors.bodyTooLarge();
  if (code === 'HPE_INVALID_URL') return errors.malformedUrl();
  return errors.malformedRequest();
}

/**
 * Answers a request that Node's HTTP parser refused before Fastify saw it (a URL and headers over
 * 16 KB, a malformed request line or header, a request too slow to arrive): the one error format
 * (`{"detail": ...}`, JSON with charset, an X-Request-Id), with `Connection: close`, then a
 * lingering close, so that the client reads the answer and knows to open a new connection for
 * its next request. The parser cannot go on after an error, so the connection cannot be kept.
 */
export function answerClientError(
  error: Error & { code?: string; rawPacket?: unknown },
  socket: Socket,
  log: FastifyBaseLogger,
): void {
  if (error.code === 'ECONNRESET' || socket.destroyed || answered.has(socket)) return;
  answered.add(socket);
  const known = toGheeError(error.code ?? '');
  const status = STATUS_OF[known.code];
  const id = randomUUID();
  // Never the error itself: its rawPacket holds the request's headers, tokens and cookies among them.
  log.info({ reqId: id, code: error.code, status }, 'request refused by the HTTP parser');
  // A response already under way on this connection cannot be interrupted by another one.
  const busy = (socket as Socket & { _httpMessage?: { writableEnded: boolean } })._httpMessage;
  if (!socket.writable || (busy && !busy.writableEnded)) {
    socket.destroy();
    return;
  }
  // The admin API's answers carry their code (docs/admin-api.md), as error-handler.ts sends them.
  const body = JSON.stringify(
    requestLine(error.rawPacket, '/admin/api') ? { detail: known.detail, code: known.code } : { detail: known.detail },
  );
  const head = [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}`,
    `content-type: ${JSON_TYPE}`,
    `content-length: ${Buffer.byteLength(body)}`,
    `x-request-id: ${id}`,
    ...(requestLine(error.rawPacket, '/v2') ? ['access-control-allow-origin: *'] : []),
    `date: ${new Date().toUTCString()}`,
    'connection: close',
  ];
  socket.write(`${head.join('\r\n')}\r\n\r\n${body}`);
  lingerClose(socket);
}

/**
 * Whether the refused bytes begin a request for a path under `prefix` (`/v2`: browsers read its
 * answer only with CORS; `/admin/api`: its answers carry a code).
 */
function requestLine(raw: unknown, prefix: '/v2' | '/admin/api'): boolean {
  if (!Buffer.isBuffer(raw)) return false;
  const start = raw.subarray(0, 48).toString('latin1');
  const method = /^[A-Z]+ /.exec(start);
  if (!method) return false;
  const rest = start.slice(method[0].length);
  return rest.startsWith(prefix) && /^(?:[/?# ]|$)/.test(rest.slice(prefix.length));
}
