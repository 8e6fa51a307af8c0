import type { IncomingMessage } from 'node:http';
import { PassThrough } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { JSON_TYPE } from './send.js';

/** How much of a refused body is read and thrown away so that its client can read the answer. */
export const DRAIN_LIMITS = { maxBytes: 64 * 1024 * 1024, maxMs: 10_000 } as const;

/**
 * Answers a request whose body was refused unread (a 413) without losing the answer to a reset.
 * The answer goes out at once, complete (its Content-Length), with `Connection: close`; but the
 * response only ends, and the connection closes, once the rest of the body has been read and
 * discarded (up to DRAIN_LIMITS). A connection closed while the client is still sending is reset
 * by the kernel, and the client fails with EPIPE or ECONNRESET before it reads the answer.
 */
export function sendWhileDraining(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  body: unknown,
): FastifyReply {
  const json = Buffer.from(JSON.stringify(body));
  const stream = new PassThrough();
  stream.write(json);
  void drain(request.raw).then(() => stream.end());
  return reply
    .code(status)
    .type(JSON_TYPE)
    .header('content-length', String(json.length))
    .header('connection', 'close')
    .send(stream);
}

/** Reads and drops the rest of a request body; resolves when it has ended or the limits are reached (then the connection is closed). */
function drain(raw: IncomingMessage): Promise<void> {
  return new Promise((resolve) => {
    // Read to its end already (a multipart parser got it all before the refusal): nothing left.
    if (raw.complete || raw.destroyed || raw.readableEnded) return resolve();
    let bytes = 0;
    const finish = () => {
      clearTimeout(timer);
      raw.off('data', onData).off('end', finish).off('close', finish);
      resolve();
    };
    const giveUp = () => {
      raw.socket.destroy();
      finish();
    };
    const onData = (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > DRAIN_LIMITS.maxBytes) giveUp();
    };
    const timer = setTimeout(giveUp, DRAIN_LIMITS.maxMs);
    raw.on('data', onData).on('end', finish).on('close', finish);
    raw.resume();
  });
}
