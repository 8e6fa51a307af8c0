import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyBaseLogger } from 'fastify';
import type { ApiError } from './api-error.js';
import { errors } from './errors.js';
import { lingerClose } from './linger-close.js';
import { JSON_TYPE } from './send.js';

/** Sockets already answered: after a parse error, Node reports every further chunk again. */
const answered = new WeakSet<Socket>();

/** Node's parser errors, as the one error format's texts. */
function toApiError(code: string): ApiError {
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
export function answerClientError(error: Error & { code?: string; rawPacket?: unknown }, socket: Socket, log: FastifyBaseLogger): void {
  if (error.code === 'ECONNRESET' || socket.destroyed || answered.has(socket)) return;
  answered.add(socket);
  const known = toApiError(error.code ?? '');
  const id = randomUUID();
  // Never the error itself: its rawPacket holds the request's headers, tokens and cookies among them.
  log.info({ reqId: id, code: error.code, status: known.status }, 'request refused by the HTTP parser');
  // A response already under way on this connection cannot be interrupted by another one.
  const busy = (socket as Socket & { _httpMessage?: { writableEnded: boolean } })._httpMessage;
  if (!socket.writable || (busy && !busy.writableEnded)) {
    socket.destroy();
    return;
  }
  const body = JSON.stringify({ detail: known.detail });
  const head = [
    `HTTP/1.1 ${known.status} ${STATUS_CODES[known.status] ?? 'Error'}`,
    `content-type: ${JSON_TYPE}`,
    `content-length: ${Buffer.byteLength(body)}`,
    `x-request-id: ${id}`,
    ...(isV2Request(error.rawPacket) ? ['access-control-allow-origin: *'] : []),
    `date: ${new Date().toUTCString()}`,
    'connection: close',
  ];
  socket.write(`${head.join('\r\n')}\r\n\r\n${body}`);
  lingerClose(socket);
}

/** Whether the refused bytes begin a request for /v2 (browsers read its answer only with CORS). */
function isV2Request(raw: unknown): boolean {
  return Buffer.isBuffer(raw) && /^[A-Z]+ \/v2(?:[/?# ]|$)/.test(raw.subarray(0, 32).toString('latin1'));
}
