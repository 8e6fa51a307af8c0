// The type test: compiled (never run) by `tsc -p client/test/types/tsconfig.json` (a browser
// project) and `tsconfig.node.json` (a Node project without the DOM library), against the BUILT
// package as users get it. Every `@ts-expect-error` line must fail to compile, or tsc fails.
import Butter, {
  ButterCMSError,
  createClient,
  GheeError,
  safe,
  type ClientResponse,
  type PageListResponse,
} from '@ghee/client';
import type {
  BrandsItem,
  Collections,
  CtaComponent,
  GheePage,
  Homepage,
  LandingPage,
  Locale,
  PageTypes,
} from './demo-cms-types.js';
import type * as Edge from './edge-cms-types.js';

declare const token: string;
const butter = Butter(token, {
  baseUrl: 'https://cms.example.com/v2',
  timeout: 5000,
  testMode: false,
  cache: 'no-store',
  maxRetries: 2,
  maxRetryWait: 10_000,
  onRequest: (url, { headers, params }) => ({ headers, params: { ...params, cb: url.length } }),
  onResponse: async (response) => void (await response.text()),
  onError: (error) => void error.status,
});
// @ts-expect-error: an unknown option
Butter(token, { baseURL: 'x' });
// @ts-expect-error: cache takes fetch's modes only
Butter(token, { cache: 'sometimes' });
const same: typeof butter = createClient(token);

export async function pages(): Promise<void> {
  const home = await butter.page.retrieve<Homepage>('*', 'homepage', { locale: 'es' satisfies Locale, levels: 3 });
  const headline: string = home.data.data.fields.headline;
  const pageType: string | null = home.data.data.page_type;
  const featured = home.data.data.fields.featured;
  if (featured !== null && typeof featured !== 'string') {
    const priority: number | null = featured.fields.priority;
    const key: 'landing_page' = featured.page_type;
    void [priority, key];
  }
  // @ts-expect-error: not a field of Homepage
  void home.data.data.fields.subtitle;

  const launch = await butter.page.retrieve<LandingPage, 'landing_page', 'launch'>('landing_page', 'launch');
  const slug: 'launch' = launch.data.data.slug;
  const type: 'landing_page' = launch.data.data.page_type;
  for (const section of launch.data.data.fields.sections) {
    if (section.type === 'cta') {
      const cta: CtaComponent = section.fields;
      // @ts-expect-error: a call to action has no description (only the seo component does)
      void section.fields.description;
      void cta;
    }
  }
  // @ts-expect-error: an empty number reads as null
  const priority: number = launch.data.data.fields.priority;
  // @ts-expect-error: not an option of the dropdown
  const layout: LandingPage['layout'] = 'tall';
  const brand = launch.data.data.fields.brand;
  const brandName: string | undefined = typeof brand === 'object' && brand !== null ? brand.name : undefined;
  // @ts-expect-error: a reference may be a URI string or null
  void launch.data.data.fields.brand.name;

  const list: ClientResponse<PageListResponse<LandingPage, 'landing_page'>> = await butter.page.list<
    LandingPage,
    'landing_page'
  >('landing_page', {
    'fields.layout': 'wide',
    'fields.brand.name': 'Acme',
    order: '-priority',
    page_size: 2,
    fields: 'headline,seo.title',
  });
  const question: string | undefined = list.data.data[0]?.fields.faq[0]?.question;
  const next: number | null = list.data.meta.next_page;
  const nextOffset: number | null | undefined = list.data.meta.next_offset;
  // @ts-expect-error: a misspelled parameter
  await butter.page.list('landing_page', { levle: 2 });
  const found = await butter.page.search<PageTypes['landing_page']>('ghee', {
    page_type: 'landing_page',
    locale: 'en',
  });
  const related: (GheePage<LandingPage, 'landing_page'> | string)[] | undefined = found.data.data[0]?.fields.related;
  // buttercms v3's type names keep compiling.
  const page: Butter.Page<LandingPage> = launch.data.data;
  void [headline, pageType, slug, type, priority, layout, brandName, question, next, nextOffset, related, page, same];
}

export async function content(): Promise<void> {
  const res = await butter.content.retrieve<Collections>(['brands', 'categories'], {
    locale: 'es',
    levels: 1,
    'fields.name': 'Acme',
  });
  const id: number = res.data.data.brands[0]!.meta.id;
  const brand: BrandsItem = res.data.data.brands[0]!;
  const category = brand.category;
  if (category !== null && typeof category !== 'string') void (category.slug satisfies string);
  // @ts-expect-error: not a collection of this schema
  await butter.content.retrieve<Collections>(['brandz']);
  // @ts-expect-error: only the requested models are typed
  void res.data.data.pages;
  const edge = await butter.content.retrieve<Edge.Collections>(['date']);
  const seen: (Edge.DateItem | string)[] = edge.data.data.date[0]!.seen;
  // A repeater inside a component, as picked in a component picker.
  const guide = await butter.page.retrieve<Edge.LandingPage>('landing-page', 'guide');
  for (const step of guide.data.data.fields.steps) {
    if (step.type === 'step') void (step.fields.substeps[0]?.done satisfies boolean | undefined);
    // @ts-expect-error: an array component has no repeater of substeps
    else void step.fields.substeps;
  }
  void [id, seen];
}

export async function writes(): Promise<void> {
  const created = await butter.page.create({
    title: 'Spring',
    slug: 'spring',
    page_type: 'landing_page',
    status: 'draft',
    fields: { headline: 'Spring' },
  });
  const pending: 'pending' = created.data.status;
  await butter.page.update<Pick<LandingPage, 'headline' | 'priority'>>(
    'landing_page',
    'spring',
    { fields: { priority: 3 } },
    { locale: 'es' },
  );
  // @ts-expect-error: a page needs a title
  await butter.page.create({ slug: 'spring', fields: {} });
  // @ts-expect-error: wrong type for a field of the given model
  await butter.page.update<Pick<LandingPage, 'priority'>>('landing_page', 'spring', { fields: { priority: 'high' } });
  const deleted: null = (await butter.page.delete('landing_page', 'spring', { force: true })).data;
  await butter.content.create('brands', { status: 'published', fields: [{ name: 'Acme' }] });
  // @ts-expect-error: create takes a list of items
  await butter.content.create('brands', { fields: { name: 'Acme' } });
  await butter.content.update('brands', 3, { fields: { founded: 1950 } });
  await butter.content.replace('brands', 3, { status: 'draft', fields: { name: 'Acme' } });
  // @ts-expect-error: item ids are numbers
  await butter.content.delete('brands', '3');
  await butter.post.create({ title: 'Hi', slug: 'hi', author: { slug: 'jane' }, tags: ['News'] });
  await butter.post.update('hi', { status: 'published' });
  await butter.post.delete('hi');
  void [pending, deleted];
}

export async function blog(): Promise<void> {
  const post = await butter.post.retrieve<'hello'>('hello');
  const slug: 'hello' = post.data.data.slug;
  const older: string | undefined = post.data.meta.previous_post?.slug;
  const posts = await butter.post.list({ exclude_body: true, tag_slug: 'news', page_size: 5 });
  const body: string | undefined = posts.data.data[0]?.body;
  await butter.post.search('ghee', { page: 1 });
  const author = await butter.author.retrieve<'jane'>('jane', { include: 'recent_posts' });
  const authorSlug: 'jane' = author.data.data.slug;
  // @ts-expect-error: include takes recent_posts only
  await butter.category.list({ include: 'posts' });
  const names: string[] = (await butter.tag.list()).data.data.map((t) => t.name);
  const xml: string = (await butter.feed.retrieve('rss', { category_slug: 'news' })).data.data;
  // @ts-expect-error: not a feed type
  await butter.feed.retrieve('json');
  butter.post.cancelRequest();
  void [slug, older, body, authorSlug, names, xml];
}

export async function errors(): Promise<void> {
  try {
    await butter.page.retrieve('*', 'homepage', undefined, { signal: AbortSignal.timeout(100), timeout: 50 });
  } catch (error) {
    if (error instanceof GheeError) {
      const status: number = error.status;
      const detail: string | { fields: Record<string, string[]> } = error.detail;
      const retryAfter: number | null = error.retryAfter;
      const where: string = `${error.method} ${error.path} ${error.requestId ?? ''} ${error.code}`;
      const fields: Record<string, string[]> | null = error.fields;
      void [status, detail, retryAfter, where, fields];
    }
    const same: boolean = ButterCMSError === GheeError;
    void same;
  }
  const result = await safe(butter.page.retrieve<Homepage>('*', 'homepage'));
  if (result.error) {
    const code: 'TIMEOUT' | 'NETWORK_ERROR' | 'ABORTED' | string = result.error.code;
    void code;
  } else {
    const headline: string = result.data.data.fields.headline;
    void headline;
  }
  // @ts-expect-error: data may be null until error is checked
  void result.data.data;
  const lazy = await safe(() => butter.content.retrieve<Collections>(['brands']));
  void lazy.data?.data.brands;
}
