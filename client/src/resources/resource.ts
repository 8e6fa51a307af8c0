import type { ClientConfig, HttpMethod, Params, ResourceType } from '../options.js';
import { request } from '../request.js';
import { CancelGroup } from '../signals.js';
import type { ClientResponse, RequestOptions } from '../types/common.js';

/** What every resource method is built from. */
export interface Resource {
  /** A read: GET `path` with `params`, retried on transient failures. */
  get<Data>(
    path: string,
    params: object | undefined,
    options: RequestOptions | undefined,
  ): Promise<ClientResponse<Data>>;
  /** A write: never retried; `params` go to the query (`locale`, `force`). */
  send<Data>(
    method: Exclude<HttpMethod, 'GET'>,
    path: string,
    body: unknown,
    params: object | undefined,
    options: RequestOptions | undefined,
  ): Promise<ClientResponse<Data>>;
  /** Cancels this resource's calls in flight (buttercms v3's `cancelRequest`). */
  cancelRequest(): void;
}

/** The shared plumbing of one resource (`page`, `post`, ...): its calls and their cancellation. */
export function createResource(config: ClientConfig, type: ResourceType): Resource {
  const cancel = new CancelGroup();
  return {
    get: (path, params, options) =>
      request(config, { type, method: 'GET', path, params: params as Params | undefined, options, cancel }),
    send: (method, path, body, params, options) =>
      request(config, { type, method, path, body, params: params as Params | undefined, options, cancel }),
    cancelRequest: () => cancel.cancel(),
  };
}

/** `force: true` as the API wants it in the query (`?force=true`); false is left out. */
export function deleteQuery(params: { force?: boolean } | undefined): Params {
  return params?.force ? { force: 'true' } : {};
}
