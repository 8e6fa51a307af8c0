import type { ServerResponse } from 'node:http';
import net, { type Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { lingerClose } from './linger-close.js';

/** Limits of a graceful close (docs/operations.md, "When a node stops"). */
export const CLOSE_LIMITS = {
  /**
   * A keep-alive connection whose last answer went out less than this long ago may have its
   * client's next request on the way: it is given this long to arrive (and be answered with
   * `Connection: close`) before the connection is ended.
   */
  idleGraceMs: 500,
  /** The longest in-flight requests are waited for; connections still open then are destroyed. */
  deadlineMs: 10_000,
} as const;

/**
 * Makes `app.close()` end every connection without a reset: it stops accepting connections,
 * answers the requests in flight (and any that arrive on an open connection meanwhile) with
 * `Connection: close`, ends idle keep-alive connections, and waits for all of them to close,
 * before Fastify's own close (which would destroy idle connections at once: a client whose next
 * request was already on the wire gets a reset) and before the database closes.
 */
export function closeGracefully(
  app: FastifyInstance,
  limits: { idleGraceMs: number; deadlineMs: number } = CLOSE_LIMITS,
): void {
  const server = app.server;
  const sockets = new Set<Socket>();
  const inFlight = new Map<Socket, ServerResponse>();
  const idleSince = new Map<Socket, number>();
  let closing = false;

  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    idleSince.set(socket, Date.now());
    socket.once('close', () => {
      sockets.delete(socket);
      inFlight.delete(socket);
      idleSince.delete(socket);
    });
  });
  server.on('request', (request: { socket: Socket }, response: ServerResponse) => {
    const socket = request.socket;
    if (closing && !response.headersSent) response.setHeader('connection', 'close');
    if (response.writableFinished) return void idleSince.set(socket, Date.now());
    inFlight.set(socket, response);
    idleSince.delete(socket);
    response.once('close', () => {
      if (inFlight.get(socket) !== response) return;
      inFlight.delete(socket);
      idleSince.set(socket, Date.now());
      // Its answer was already under way when the close began: end the connection now.
      if (closing) lingerClose(socket, limits.idleGraceMs);
    });
  });

  app.addHook('preClose', async () => {
    closing = true;
    if (!server.listening) return;
    // Stops accepting without http.Server#close, which would destroy idle connections at once.
    net.Server.prototype.close.call(server);
    for (const response of inFlight.values()) {
      if (!response.headersSent) response.setHeader('connection', 'close');
    }
    const deadline = Date.now() + limits.deadlineMs;
    while (sockets.size > 0 && Date.now() < deadline) {
      for (const socket of sockets) {
        const since = idleSince.get(socket);
        if (since !== undefined && Date.now() - since >= limits.idleGraceMs && !socket.writableEnded)
          lingerClose(socket, limits.idleGraceMs);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    for (const socket of sockets) socket.destroy();
  });
}
