import type { FastifyInstance } from 'fastify';
import type { Store } from '../../src/store/database.js';
import { addMembership } from '../../src/users/memberships.js';
import type { Role } from '../../src/users/roles.js';
import { createUser, findUserByEmail, type UserSummary } from '../../src/users/users.js';
import type { DialectUnderTest } from './databases.js';
import { demoServer, type TestServer } from './server.js';

export interface AdminReply {
  status: number;
  headers: Record<string, unknown>;
  body: any;
}

export interface RequestOptions {
  /** Extra headers (e.g. a foreign Origin). */
  headers?: Record<string, string>;
  /** The X-CSRF-Token to send: the client's own by default, null for none. */
  csrf?: string | null;
  /** Where the request comes from (the sign-in rate limiter counts per address). */
  remoteAddress?: string;
}

/** A browser talking to the admin API: it keeps its cookies and the CSRF token the API handed it. */
export interface AdminClient {
  cookies: Map<string, string>;
  csrf: string;
  request(method: string, url: string, body?: unknown, options?: RequestOptions): Promise<AdminReply>;
  get(url: string, options?: RequestOptions): Promise<AdminReply>;
  signIn(email: string, password: string, options?: RequestOptions): Promise<AdminReply>;
}

/** The `Set-Cookie` values of an answer. */
export function setCookies(headers: Record<string, unknown>): string[] {
  const raw = headers['set-cookie'];
  return raw === undefined ? [] : Array.isArray(raw) ? raw.map(String) : [String(raw)];
}

/** A fresh browser: it has fetched GET /admin/api/session, so it holds a pre-sign-in CSRF token. */
export async function anonymousClient(app: FastifyInstance): Promise<AdminClient> {
  const cookies = new Map<string, string>();
  const client: AdminClient = {
    cookies,
    csrf: '',
    async request(method, url, body, options = {}) {
      const headers: Record<string, string> = { ...options.headers };
      if (cookies.size) headers.cookie = [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
      const csrf = options.csrf === undefined ? client.csrf : options.csrf;
      if (csrf !== null && method !== 'GET') headers['x-csrf-token'] = csrf;
      if (body !== undefined) headers['content-type'] = 'application/json';
      const res = await app.inject({
        method: method as 'GET',
        url,
        headers,
        ...(body !== undefined && { payload: JSON.stringify(body) }),
        ...(options.remoteAddress && { remoteAddress: options.remoteAddress }),
      });
      for (const cookie of setCookies(res.headers)) {
        const [pair] = cookie.split(';');
        const [name, value] = [pair!.slice(0, pair!.indexOf('=')), pair!.slice(pair!.indexOf('=') + 1)];
        if (/Max-Age=0/.test(cookie)) cookies.delete(name);
        else cookies.set(name, value);
      }
      return { status: res.statusCode, headers: res.headers, body: res.body ? JSON.parse(res.body) : null };
    },
    get: (url, options) => client.request('GET', url, undefined, options),
    async signIn(email, password, options) {
      const res = await client.request('POST', '/admin/api/sign-in', { email, password }, options);
      if (res.status === 200) client.csrf = res.body.data.csrf_token;
      return res;
    },
  };
  const session = await client.get('/admin/api/session');
  client.csrf = session.body.data.csrf_token;
  return client;
}

/** A browser signed in as that user (throws when the sign-in is refused). */
export async function signedInClient(app: FastifyInstance, email: string, password: string): Promise<AdminClient> {
  const client = await anonymousClient(app);
  const res = await client.signIn(email, password);
  if (res.status !== 200) throw new Error(`sign-in as ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return client;
}

export const PASSWORD = 'correct horse battery staple';

/**
 * Test fixture, straight into the store (no API path sets anyone's password): a member of the
 * account with `role`, made a user with `password` (PASSWORD by default) unless the email has one.
 */
export async function addTestMember(
  store: Store,
  accountId: number,
  input: { email: string; role: Role; name?: string; password?: string },
): Promise<UserSummary> {
  const existing = await findUserByEmail(store.db, input.email);
  const user =
    existing ??
    (await createUser(store.db, { email: input.email, password: input.password ?? PASSWORD, name: input.name }));
  await addMembership(store.db, user.id, accountId, input.role);
  return { id: user.id, email: user.email, name: user.name, created: user.created };
}

/** Adds a member with `role` (email `<role>@<accountId>.test` unless given) and signs them in. */
export async function member(
  app: FastifyInstance,
  store: Store,
  accountId: number,
  role: Role,
  email = `${role}@${accountId}.test`,
): Promise<AdminClient> {
  await addTestMember(store, accountId, { email, role });
  return signedInClient(app, email, PASSWORD);
}

/**
 * The demo server with an admin of the demo account signed in, and that account's admin API
 * base, `/admin/api/accounts/<id>`. The caller closes `s`.
 */
export async function demoAdmin(
  dialect: DialectUnderTest,
): Promise<{ s: TestServer; admin: AdminClient; base: string }> {
  const s = await demoServer(dialect);
  try {
    return { s, admin: await member(s.app, s.store, s.demo.id, 'admin'), base: `/admin/api/accounts/${s.demo.id}` };
  } catch (error) {
    await s.close();
    throw error;
  }
}
