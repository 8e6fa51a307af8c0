import { aborted, attempt } from './attempt.js';
import { ButterCMSError } from './errors.js';
import { headersOf, type Origin } from './http-error.js';
import type { ClientConfig, HookContext, HookOptions, HttpMethod, Params, ResourceType } from './options.js';
import { retryDelay } from './retry-policy.js';
import { abortableSleep, linkSignals, type CancelGroup } from './signals.js';
import type { ClientResponse, RequestOptions } from './types/common.js';
import { buildUrl } from './url.js';

/** One call of a resource method. */
export interface Call {
  type: ResourceType;
  method: HttpMethod;
  /** Relative to the base URL, ending in `/`: `pages/landing_page/launch/`. */
  path: string;
  params?: Params | undefined;
  /** A write's JSON body. */
  body?: unknown;
  options?: RequestOptions | undefined;
  cancel: CancelGroup;
}

/**
 * Runs a call: hooks, the token, attempts with timeout, and retries of reads. Resolves to the
 * answer or rejects with a {@link ButterCMSError}, after telling `onError`.
 */
export async function request<Data>(config: ClientConfig, call: Call): Promise<ClientResponse<Data>> {
  const isRead = call.method === 'GET';
  const linked = linkSignals([call.options?.signal, call.cancel.signal]);
  const endpoint = `${config.baseUrl}/${call.path}`;
  let params: Params = { ...call.params };
  let headers = initialHeaders(config, isRead, call.body !== undefined);
  let options: HookOptions = {
    timeout: call.options?.timeout ?? config.timeout,
    testMode: config.testMode,
    cache: config.cache,
  };
  try {
    if (config.onRequest) {
      const hookContext = {
        type: call.type,
        method: call.method,
        params,
        options,
        headers,
        cancelRequest: () => call.cancel.cancel(),
      };
      const overrides = await config.onRequest(endpoint, hookContext);
      if (overrides) {
        headers = overrides.headers ?? headers;
        params = overrides.params ?? params;
        options = { ...options, ...overrides.options };
      }
    }
    const context: HookContext = { type: call.type, method: call.method, params, options };
    const origin: Origin = {
      method: call.method,
      path: endpoint.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, ''),
      now: config.now,
    };
    const url = buildUrl(config.baseUrl, call.path, isRead ? { ...params, ...readAuth(config, options) } : params);
    const init: RequestInit = { method: call.method, headers };
    if (call.body !== undefined) init.body = JSON.stringify(call.body);
    if (isRead && options.cache !== undefined) init.cache = options.cache;
    try {
      return await withRetries<Data>(config, {
        url,
        init,
        isRead,
        origin,
        timeout: options.timeout,
        signal: linked.signal,
        context,
      });
    } catch (error) {
      if (error instanceof ButterCMSError && config.onError) await config.onError(error, context);
      throw error;
    }
  } finally {
    linked.dispose();
  }
}

interface Exchange {
  url: string;
  init: RequestInit;
  isRead: boolean;
  origin: Origin;
  timeout: number;
  signal: AbortSignal;
  context: HookContext;
}

async function withRetries<Data>(config: ClientConfig, x: Exchange): Promise<ClientResponse<Data>> {
  for (let retry = 0; ; retry++) {
    try {
      const answer = await attempt({
        url: x.url,
        init: x.init,
        timeout: x.timeout,
        signal: x.signal,
        fetch: config.fetch(),
        origin: x.origin,
        keepCopy: config.onResponse !== null,
      });
      if (config.onResponse && answer.copy) await config.onResponse(answer.copy, x.context);
      const { response } = answer;
      return {
        data: answer.data as Data,
        status: response.status,
        statusText: response.statusText,
        headers: headersOf(response),
      };
    } catch (error) {
      if (!(error instanceof ButterCMSError)) throw error;
      const wait = retryDelay(error, retry, x.isRead, config);
      if (wait === null) throw error;
      await abortableSleep(config.sleep, wait, x.signal, () => aborted(x.origin, x.signal.reason));
    }
  }
}

function initialHeaders(config: ClientConfig, isRead: boolean, hasBody: boolean): Headers {
  // Reads send no custom header, so a browser makes them as simple requests (no CORS preflight).
  const headers = new Headers({ Accept: 'application/json' });
  if (!isRead) headers.set('Authorization', `Token ${config.writeToken}`);
  if (hasBody) headers.set('Content-Type', 'application/json');
  return headers;
}

/** Reads carry the token in the query, as buttercms v3 sends it, plus the preview flags in test mode. */
function readAuth(config: ClientConfig, options: HookOptions): Params {
  return options.testMode ? { auth_token: config.readToken, test: 1, preview: 1 } : { auth_token: config.readToken };
}
