import type { ClientConfig } from '../options.js';
import type { ClientResponse, RequestOptions, WriteAccepted } from '../types/common.js';
import type { ContentCreate, ContentParams, ContentResponse, ContentUpdate } from '../types/content.js';
import type { DeleteParams, WriteParams } from '../types/writes.js';
import { segment } from '../url.js';
import { createResource, deleteQuery } from './resource.js';

type Model = Record<string, unknown>;

/** `butter.content`: collections and their items. */
export interface ContentMethods {
  /**
   * The items of one or more collections, keyed by collection key; `meta` describes the first.
   * @example
   * const { data } = await butter.content.retrieve<{ brands: Brand; categories: Category }>(['brands', 'categories'], { locale: 'es' });
   * data.data.brands[0].meta.id;
   */
  retrieve<ContentModels extends object = Record<string, Model>>(
    keys: Array<keyof ContentModels & string>,
    params?: ContentParams,
    options?: RequestOptions,
  ): Promise<ClientResponse<ContentResponse<ContentModels>>>;
  /**
   * Creates items in collection `key` (write token), one per element of `fields`, all or none.
   * The answer carries no ids: read the collection to find them.
   * @example
   * await butter.content.create('brands', { status: 'published', fields: [{ name: 'Acme', founded: 1950 }] });
   */
  create<Fields extends object = Model>(
    key: string,
    body: ContentCreate<Fields>,
    params?: WriteParams,
    options?: RequestOptions,
  ): Promise<ClientResponse<WriteAccepted>>;
  /** Changes the sent fields of item `id` (PATCH; write token). */
  update<Fields extends object = Model>(
    key: string,
    id: number,
    body: ContentUpdate<Fields>,
    params?: WriteParams,
    options?: RequestOptions,
  ): Promise<ClientResponse<WriteAccepted>>;
  /** Replaces item `id` (PUT; write token): fields left out become empty. */
  replace<Fields extends object = Model>(
    key: string,
    id: number,
    body: ContentUpdate<Fields>,
    params?: WriteParams,
    options?: RequestOptions,
  ): Promise<ClientResponse<WriteAccepted>>;
  /** Deletes item `id` (write token); refused (400) while other content references it, unless `force`. */
  delete(key: string, id: number, params?: DeleteParams, options?: RequestOptions): Promise<ClientResponse<null>>;
  /** Cancels the content calls in flight. */
  cancelRequest(): void;
}

/** Builds `butter.content`. */
export function createContentMethods(config: ClientConfig): ContentMethods {
  const r = createResource(config, 'content');
  const item = (key: string, id: number) => `content/${segment(key)}/${segment(id)}/`;
  return {
    retrieve: async (keys, params, options) => {
      if (keys.length === 0) throw new TypeError('content.retrieve needs at least one collection key');
      // The comma stays literal between keys, as ButterCMS URLs have it.
      return r.get(`content/${keys.map(segment).join(',')}/`, params, options);
    },
    // The key travels in the body of POST /v2/content/, the form ButterCMS documents.
    create: async (key, body, params, options) => r.send('POST', 'content/', { key, ...body }, params, options),
    update: async (key, id, body, params, options) => r.send('PATCH', item(key, id), body, params, options),
    replace: async (key, id, body, params, options) => r.send('PUT', item(key, id), body, params, options),
    delete: async (key, id, params, options) =>
      r.send('DELETE', item(key, id), undefined, deleteQuery(params), options),
    cancelRequest: r.cancelRequest,
  };
}
