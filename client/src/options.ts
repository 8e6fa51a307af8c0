import type { ButterCMSError } from './errors.js';
import { timerSleep } from './signals.js';

/** The API's resources, as the hooks' `type` names them (the same names as buttercms v3). */
export type ResourceType = 'page' | 'content' | 'post' | 'author' | 'category' | 'tag' | 'feed';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Query parameters of a call, before the token is added. */
export type Params = Record<string, unknown>;

/** fetch's `cache` modes, spelled out so the declarations need no DOM library (Node-only projects). */
export type CacheMode = 'default' | 'no-store' | 'reload' | 'no-cache' | 'force-cache' | 'only-if-cached';

/** The options a hook sees and may change (`onRequest` may return new ones). */
export interface HookOptions {
  timeout: number;
  testMode: boolean;
  cache: CacheMode | undefined;
}

/** What every hook is told about the call. */
export interface HookContext {
  type: ResourceType;
  method: HttpMethod;
  /** The query parameters, without `auth_token`, `test` and `preview` (as buttercms v3 passes them). */
  params: Params;
  options: HookOptions;
}

/** `onRequest`'s context: also the headers about to be sent, and a way to cancel. */
export interface RequestHookContext extends HookContext {
  headers: Headers;
  cancelRequest(): void;
}

/** What `onRequest` may return to change the call (any part left out stays as it was). */
export interface RequestOverrides {
  headers?: Headers;
  params?: Params;
  options?: Partial<HookOptions>;
}

/** The second argument of `Butter(token, options)`. Every option is optional. */
export interface ClientOptions {
  /** API base, without a trailing slash. Default `https://api.buttercms.com/v2`; for Ghee e.g. `https://cms.example.com/v2`. */
  baseUrl?: string;
  /** Token for writes, sent as `Authorization: Token ...`. Default: the token given to `Butter()`. */
  writeToken?: string;
  /** Milliseconds for one attempt, from sending to the whole body read. Default 3000 (as buttercms v3). */
  timeout?: number;
  /** Read drafts and unpublished content: adds `preview=1` (and the legacy `test=1`) to reads. */
  testMode?: boolean;
  /** The fetch `cache` mode of reads (`'no-store'`, ...). */
  cache?: CacheMode;
  /** Called before each call; may return changed headers, params or options. */
  onRequest?:
    ((url: string, context: RequestHookContext) => void | RequestOverrides | Promise<void | RequestOverrides>) | null;
  /** Called with a copy of each successful answer. */
  onResponse?: ((response: Response, context: HookContext) => void | Promise<void>) | null;
  /** Called once with the error a call is about to reject with (after any retries). */
  onError?: ((error: ButterCMSError, context: HookContext) => void | Promise<void>) | null;
  /** Retries of a read after a 5xx, network error, timeout or short 429. Default 3; writes never retry. */
  maxRetries?: number;
  /** Longest `Retry-After` (ms) a 429 may ask for and still be waited out. Default 60 000; longer fails at once. */
  maxRetryWait?: number;
  /** The fetch to use. Default: the global `fetch`, looked up at each call. */
  fetch?: typeof fetch;
  /** Waits `ms` between attempts (`signal` aborts when the call is cancelled). Default: a timer. Inject one in tests to retry without waiting. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Returns a number in [0, 1) for backoff jitter. Default `Math.random`. */
  random?: () => number;
  /** The clock (ms since the epoch), for a `Retry-After` given as a date. Default `Date.now`. */
  now?: () => number;
}

/** The options with every default filled in. */
export interface ClientConfig {
  readToken: string;
  writeToken: string;
  baseUrl: string;
  timeout: number;
  testMode: boolean;
  cache: CacheMode | undefined;
  onRequest: NonNullable<ClientOptions['onRequest']> | null;
  onResponse: NonNullable<ClientOptions['onResponse']> | null;
  onError: NonNullable<ClientOptions['onError']> | null;
  maxRetries: number;
  maxRetryWait: number;
  fetch: () => typeof fetch;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  random: () => number;
  now: () => number;
}

/** ButterCMS's own API address: the default `baseUrl`, so the client also works against ButterCMS. */
export const BUTTERCMS_BASE_URL = 'https://api.buttercms.com/v2';

/** Fills in the defaults and checks what would otherwise fail later in a confusing way. */
export function resolveOptions(token: string, options: ClientOptions): ClientConfig {
  const custom = options.fetch;
  return {
    readToken: token,
    writeToken: options.writeToken ?? token,
    baseUrl: (options.baseUrl ?? BUTTERCMS_BASE_URL).replace(/\/+$/, ''),
    timeout: nonNegative(options.timeout, 3000, 'timeout'),
    testMode: options.testMode ?? false,
    cache: options.cache,
    onRequest: options.onRequest ?? null,
    onResponse: options.onResponse ?? null,
    onError: options.onError ?? null,
    maxRetries: nonNegative(options.maxRetries, 3, 'maxRetries'),
    maxRetryWait: nonNegative(options.maxRetryWait, 60_000, 'maxRetryWait'),
    // Looked up per call, so a fetch replaced after the client was made (tests, polyfills) is used.
    fetch: () => custom ?? globalThis.fetch,
    sleep: options.sleep ?? timerSleep,
    random: options.random ?? Math.random,
    now: options.now ?? Date.now,
  };
}

function nonNegative(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || Number.isNaN(value) || value < 0)
    throw new TypeError(`${name} must be a number >= 0, not ${String(value)}`);
  return value;
}
