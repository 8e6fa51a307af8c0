import type { Socket } from 'node:net';

/** How long a connection being closed keeps reading what the client still sends. */
export const LINGER_MS = 5_000;

/**
 * Ends a connection whose answer has been written, without resetting it. Destroying a socket
 * while the client is still sending (the rest of its request) makes the kernel answer with a
 * reset, and the client then fails (ECONNRESET, EPIPE) before it reads the answer waiting for it.
 * Instead this sends FIN and goes on reading, discarding what comes, until the client closes its
 * side too, or `maxMs` has passed.
 */
export function lingerClose(socket: Socket, maxMs = LINGER_MS): void {
  if (socket.destroyed) return;
  const timer = setTimeout(() => socket.destroy(), maxMs);
  timer.unref();
  socket.once('close', () => clearTimeout(timer));
  socket.end();
  // Whatever still arrives is read and dropped (the HTTP parser, if still attached, reads it too).
  socket.on('data', () => undefined);
  socket.resume();
}
