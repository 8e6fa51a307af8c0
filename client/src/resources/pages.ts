import type { ClientConfig } from '../options.js';
import type { ClientResponse, RequestOptions, WriteAccepted } from '../types/common.js';
import type {
  PageCreate,
  PageListParams,
  PageListResponse,
  PageRetrieveParams,
  PageRetrieveResponse,
  PageSearchParams,
  PageSearchResponse,
  PageUpdate,
} from '../types/pages.js';
import type { DeleteParams, WriteParams } from '../types/writes.js';
import { segment } from '../url.js';
import { createResource, deleteQuery } from './resource.js';

type Model = Record<string, unknown>;

/** `butter.page`: pages of page types and single pages. */
export interface PageMethods {
  /**
   * One page. `*` as the page type finds a single page (or a page of any type) by slug.
   * @example
   * const { data } = await butter.page.retrieve<LandingPage>('landing_page', 'launch', { locale: 'es', levels: 3 });
   * data.data.fields.headline; // typed by LandingPage
   */
  retrieve<PageModel extends object = Model, PageType extends string = string, PageSlug extends string = string>(
    pageType: PageType,
    pageSlug: PageSlug,
    params?: PageRetrieveParams,
    options?: RequestOptions,
  ): Promise<ClientResponse<PageRetrieveResponse<PageModel, PageType, PageSlug>>>;
  /**
   * Pages of one page type (`*`: the single pages), newest first unless `order` says otherwise.
   * @example
   * await butter.page.list<LandingPage>('landing_page', { 'fields.layout': 'wide', order: '-priority', page_size: 20 });
   */
  list<PageModel extends object = Model, PageType extends string = string>(
    pageType: PageType,
    params?: PageListParams,
    options?: RequestOptions,
  ): Promise<ClientResponse<PageListResponse<PageModel, PageType>>>;
  /**
   * Pages matching `query`, best match first.
   * @example
   * await butter.page.search<LandingPage>('pricing', { page_type: 'landing_page' });
   */
  search<PageModel extends object = Model, PageType extends string = string>(
    query: string,
    params?: PageSearchParams<PageType>,
    options?: RequestOptions,
  ): Promise<ClientResponse<PageSearchResponse<PageModel, PageType>>>;
  /**
   * Creates a page (write token). Resolves once the page is stored: a read right after sees it.
   * @example
   * await butter.page.create({ title: 'Spring sale', slug: 'spring-sale', page_type: 'landing_page', status: 'draft', fields: { ... } });
   */
  create<Fields extends object = Model>(
    body: PageCreate<Fields>,
    params?: WriteParams,
    options?: RequestOptions,
  ): Promise<ClientResponse<WriteAccepted>>;
  /**
   * Changes a page (write token): only the fields sent change.
   * @example
   * await butter.page.update('landing_page', 'spring-sale', { status: 'published' });
   */
  update<Fields extends object = Model>(
    pageType: string,
    pageSlug: string,
    body: PageUpdate<Fields>,
    params?: WriteParams,
    options?: RequestOptions,
  ): Promise<ClientResponse<WriteAccepted>>;
  /** Deletes a page (write token); refused (400) while other content references it, unless `force`. */
  delete(
    pageType: string,
    pageSlug: string,
    params?: DeleteParams,
    options?: RequestOptions,
  ): Promise<ClientResponse<null>>;
  /** Cancels the page calls in flight. */
  cancelRequest(): void;
}

/** Builds `butter.page`. */
export function createPageMethods(config: ClientConfig): PageMethods {
  const r = createResource(config, 'page');
  const at = (type: string, slug: string) => `pages/${segment(type)}/${segment(slug)}/`;
  return {
    retrieve: async (type, slug, params, options) => r.get(at(type, slug), params, options),
    list: async (type, params, options) => r.get(`pages/${segment(type)}/`, params, options),
    search: async (query, params, options) => r.get('pages/search/', { ...params, query }, options),
    create: async (body, params, options) => r.send('POST', 'pages/', body, params, options),
    update: async (type, slug, body, params, options) => r.send('PATCH', at(type, slug), body, params, options),
    delete: async (type, slug, params, options) =>
      r.send('DELETE', at(type, slug), undefined, deleteQuery(params), options),
    cancelRequest: r.cancelRequest,
  };
}
