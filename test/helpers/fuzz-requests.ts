import fc from 'fast-check';
import { mutatedBody } from './fuzz-bodies.js';
import type { RouteTemplate } from './route-list.js';

/** A generated request, with tokens and sessions named rather than given (they differ per run). */
export interface FuzzRequest {
  /** The route template it was made for. */
  route: string;
  method: string;
  url: string;
  auth: 'read' | 'write' | 'none' | 'junk' | 'session' | 'session-no-csrf';
  contentType: string | null;
  body: string | null;
}

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/** Strings that have broken parsers before: encodings, NULs, SQL, very long, odd Unicode. */
const NASTY = [
  '',
  '0',
  '-1',
  '1',
  '2',
  '3',
  '99999999999999999999',
  '1e3',
  '1.5',
  'NaN',
  'null',
  'true',
  'True',
  '*',
  '%00',
  '%ZZ',
  '%E0%A4%A',
  '%2e%2e%2f%2e%2e%2f',
  '..',
  "' or 1=1 --",
  '"; drop table entries; --',
  'a'.repeat(300),
  'b'.repeat(17_000),
  '\u{1F600}',
  'e\u0301',
  '\u202Etxt',
  '<script>alert(1)</script>',
  'fr-ca',
  'es',
  'en',
];

const text = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
);

/** A path segment: a real name of the demo sometimes, junk otherwise, encoded or raw. */
const PARAM_VALUES: Record<string, string[]> = {
  type: ['landing_page', '*', 'search'],
  slug: ['about-us', 'homepage', 'pricing', 'launch', 'hello-world'],
  keys: ['brands', 'categories', 'brands,categories', 'brands,nope'],
  key: ['brands', 'categories'],
  id: ['1', '2', '3', '10'],
  accountId: ['@account', '@account', '@account', '999999'],
  name: ['0'.repeat(64) + '.png', 'x.pdf'],
};

function segment(name: string): fc.Arbitrary<string> {
  const known = PARAM_VALUES[name] ?? ['1', '2'];
  return fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...known) },
    { weight: 3, arbitrary: text.map(encodeURIComponent) },
    { weight: 1, arbitrary: fc.constantFrom('%ZZ', '%00', 'a%2Fb', '%E0%A4%A', '..') },
  );
}

const QUERY_KEYS = [
  'page',
  'page_size',
  'limit',
  'offset',
  'levels',
  'locale',
  'preview',
  'test',
  'fields',
  'order',
  'query',
  'keys',
  'exclude_body',
  'include',
  'author_slug',
  'category_slug',
  'tag_slug',
  'page_type',
  'force',
  'confirm',
  'status',
  'type',
  'month',
  'auth_token',
  'fields.headline',
  'fields.brand.name',
  'fields.priority',
  'fields.seo.title',
  'since',
  'kind',
  'actor',
  'width',
  'format',
];

const query = fc
  .array(
    fc.tuple(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...QUERY_KEYS) }, { weight: 1, arbitrary: text }), text),
    { maxLength: 5 },
  )
  .map((pairs) => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&'));

const BODY_KEYS = [
  'title',
  'slug',
  'page_type',
  'page-type',
  'status',
  'fields',
  'key',
  'scheduled',
  'author',
  'categories',
  'tags',
  'body',
  'summary',
  'featured_image',
  'email',
  'role',
  'name',
  'kind',
  'label',
  'locales',
  'plan',
  'monthly_call_limit',
  'url',
  'events',
  'headers',
  'enabled',
  'password',
  'page_types',
  'collections',
  'components',
  'single_pages',
];

const PAGE_FIELDS = fc.record(
  {
    headline: text,
    summary: text,
    body: text,
    priority: fc.oneof(fc.integer(), text),
    featured: fc.oneof(fc.boolean(), text),
    related: fc.array(text, { maxLength: 3 }),
    brand: fc.oneof(fc.integer(), text),
    seo: fc.oneof(fc.dictionary(text, text, { maxKeys: 2 }), text),
    faq: fc.array(fc.dictionary(fc.constantFrom('question', 'answer', 'x'), text, { maxKeys: 2 }), { maxLength: 2 }),
    hero_image: fc.constantFrom('', 'http://127.0.0.1:1/a.png', 'javascript:alert(1)', 'ftp://x/y.png'),
  },
  { requiredKeys: [] },
);

const shaped = fc
  .dictionary(
    fc.constantFrom(...BODY_KEYS),
    fc.oneof(
      text,
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      PAGE_FIELDS,
      fc.array(PAGE_FIELDS, { maxLength: 2 }),
      fc.jsonValue({ maxDepth: 3 }),
    ),
    { maxKeys: 6 },
  )
  .map((value) => JSON.stringify(value));

const junkValue = fc.oneof(
  text,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 2 }),
);

const body = fc.oneof(
  { weight: 5, arbitrary: shaped },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '{',
      '[',
      '',
      'null',
      '"x"',
      '{"a":1}garbage',
      '\u0000',
      '[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]',
    ),
  },
);

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'image/png',
  ';;;',
  'application/json; charset=latin1',
  'application/json; boundary',
];

/** Requests over every route the app has, any method, with junk everywhere a client can put it. */
export function requestArbitrary(routes: RouteTemplate[]): fc.Arbitrary<FuzzRequest> {
  return fc.constantFrom(...routes).chain((route) => {
    const names = [...route.path.matchAll(/:(\w+)|\*/g)].map((m) => m[1] ?? '*');
    const segments = fc.tuple(...names.map((n) => (n === '*' ? text.map(encodeURIComponent) : segment(n))));
    const isAdmin = route.path.startsWith('/admin/api');
    const templated = mutatedBody(route.path, junkValue);
    const auth = isAdmin
      ? fc.constantFrom<FuzzRequest['auth']>('session', 'session', 'session', 'session-no-csrf', 'none')
      : fc.constantFrom<FuzzRequest['auth']>('read', 'write', 'write', 'none', 'junk');
    return fc
      .record({
        method: fc.oneof(
          { weight: 9, arbitrary: fc.constantFrom(...route.methods) },
          { weight: 1, arbitrary: fc.constantFrom(...METHODS) },
        ),
        segments,
        slash: fc.boolean(),
        query,
        auth,
        contentType: fc.option(fc.constantFrom(...CONTENT_TYPES), { freq: 4 }),
        body: fc.option(
          templated ? fc.oneof({ weight: 4, arbitrary: templated }, { weight: 1, arbitrary: body }) : body,
          { freq: 8 },
        ),
      })
      .map((r) => {
        let i = 0;
        const path = route.path.replace(/:(\w+)|\*/g, () => r.segments[i++] as string) + (r.slash ? '/' : '');
        const hasBody = r.body !== null && !['GET', 'HEAD', 'OPTIONS'].includes(r.method);
        return {
          route: route.path,
          method: r.method,
          url: r.query ? `${path}?${r.query}` : path,
          auth: r.auth,
          contentType: hasBody ? r.contentType : null,
          body: hasBody ? r.body : null,
        };
      });
  });
}
