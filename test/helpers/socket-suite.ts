import { afterAll, beforeAll } from 'vitest';
import type { DialectUnderTest } from './databases.js';
import { demoSocketServer, type SocketServer } from './socket-server.js';

// What the real-socket suites share (docs/api.md §1): the server on port 0, fetch against it
// without following redirects, and a bound on every wait.

export const JSON_TYPE = 'application/json; charset=utf-8';
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** An answer read to its end. */
export interface Answer {
  status: number;
  headers: Headers;
  text: string;
}

/** The JSON of an answer. */
export function json(answer: Answer): any {
  return JSON.parse(answer.text);
}

/** Rejects when `promise` takes longer than `ms`: every wait of the socket suites is bounded. */
export function within<T>(ms: number, promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The enclosing suite's server over a real socket, started before its tests. */
export interface SocketSuite {
  server: SocketServer;
  /** fetch against the server, never following redirects, with the demo read token unless `token` is null. */
  call(path: string, init?: RequestInit & { token?: string | null }): Promise<Answer>;
  /** Closes the server from a test; afterAll then leaves it alone. */
  closeNow(): Promise<void>;
}

/** Registers the hooks that start the demo server of `dialect` on port 0 and close it after the suite (unless a test did). */
export function useSocketServer(dialect: DialectUnderTest): SocketSuite {
  let closed = false;
  const suite = {} as SocketSuite;
  suite.call = async (path, init = {}) => {
    const { token = suite.server.demo.read_token, ...rest } = init;
    const headers = new Headers(rest.headers);
    if (token) headers.set('authorization', `Token ${token}`);
    const res = await fetch(`${suite.server.url}${path}`, {
      ...rest,
      headers,
      redirect: 'manual',
      signal: AbortSignal.timeout(10_000),
    });
    return { status: res.status, headers: res.headers, text: await res.text() };
  };
  suite.closeNow = () => {
    closed = true;
    return suite.server.close();
  };
  beforeAll(async () => {
    suite.server = await demoSocketServer(dialect);
  });
  afterAll(async () => {
    if (suite.server && !closed) await within(10_000, suite.server.close(), 'server.close()');
  });
  return suite;
}
