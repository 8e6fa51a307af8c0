import fc from 'fast-check';

// Valid bodies of the main write endpoints, by route template. The fuzzer sends them mutated at
// one spot (a value swapped for junk, a key dropped or added), which reaches the validation and
// storage code that an all-junk body never gets past.

const PAGE_FIELDS = {
  headline: 'Fuzzed',
  summary: '',
  body: '<p>x</p>',
  notes: '',
  embed: '',
  hero_image: '',
  theme: '#ff8800',
  launch_date: '2026-03-20',
  priority: 5,
  featured: true,
  layout: 'wide',
  seo: { title: 't', description: 'd' },
  sections: [{ type: 'cta', fields: { label: 'Go', url: '/go' } }],
  faq: [{ question: 'q', answer: '<p>a</p>' }],
  related: ['about-us'],
  brand: 1,
};
const PAGE = { title: 'Fuzz', slug: 'fuzz-page', page_type: 'landing_page', status: 'draft', fields: PAGE_FIELDS };
const ITEM_FIELDS = { name: 'Fuzz brand', website: 'https://fuzz.example', founded: 2000, logo: '', category: 1 };
const POST = {
  title: 'Fuzz post',
  slug: 'fuzz-post',
  status: 'draft',
  body: '<p>hi</p>',
  categories: ['Food'],
  tags: ['fuzz'],
  author: { slug: 'demo-owner' },
};
const SCHEMA = {
  page_types: {
    landing_page: { name: 'Landing page', fields: { headline: { type: 'short_text', pattern: '^[A-Z]' } } },
  },
  collections: { brands: { name: 'Brands', fields: { name: { type: 'short_text' } } } },
};

/** Templates by route template; any method of that route may get them. */
export const BODY_TEMPLATES: Record<string, unknown[]> = {
  '/v2/pages': [PAGE],
  '/v2/pages/:type/:slug': [{ fields: { headline: 'New' } }, { status: 'published' }, PAGE],
  '/v2/content': [{ key: 'brands', status: 'published', fields: [ITEM_FIELDS] }],
  '/v2/content/:keys': [{ status: 'published', fields: [ITEM_FIELDS] }],
  '/v2/content/:keys/:id': [{ status: 'draft', fields: ITEM_FIELDS }],
  '/v2/posts': [POST],
  '/v2/posts/:slug': [{ title: 'Renamed' }, POST],
  '/admin/api/sign-in': [{ email: 'nobody@x.test', password: 'wrong-password' }],
  '/admin/api/accounts/:accountId/plan': [{ plan: 'trial' }, { plan: 'enterprise', monthly_call_limit: null }],
  '/admin/api/accounts/:accountId/pages': [PAGE],
  '/admin/api/accounts/:accountId/pages/:type/:slug': [{ title: 'T', fields: { headline: 'H' } }],
  '/admin/api/accounts/:accountId/posts': [POST],
  '/admin/api/accounts/:accountId/posts/:slug': [{ title: 'T' }],
  '/admin/api/accounts/:accountId/tokens': [{ kind: 'read', label: 'fuzz' }],
  '/admin/api/accounts/:accountId/locales': [
    {
      locales: [
        { slug: 'en', name: 'English', default: true },
        { slug: 'es', name: 'Spanish' },
      ],
    },
  ],
  '/admin/api/accounts/:accountId/schema': [SCHEMA],
  '/admin/api/accounts/:accountId/schema/diff': [SCHEMA],
  '/admin/api/accounts/:accountId/items/:key': [{ status: 'draft', fields: ITEM_FIELDS }],
  '/admin/api/accounts/:accountId/items/:key/:id': [{ fields: { name: 'N' } }],
  '/admin/api/accounts/:accountId/users': [{ email: 'new@x.test', role: 'editor' }],
  '/admin/api/accounts/:accountId/users/:userId': [{ role: 'viewer' }],
  '/admin/api/accounts/:accountId/webhooks': [{ url: 'http://127.0.0.1:1/hook', events: ['page.all'] }],
  '/admin/api/accounts/:accountId/webhooks/:webhookId': [{ enabled: false }],
};

/** The JSON paths of a value: `[]` for itself, `['fields', 'seo', 'title']` for a leaf. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
  else if (typeof value === 'object' && value !== null)
    for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  return out;
}

function setAt(value: unknown, path: (string | number)[], make: (old: unknown) => unknown): unknown {
  if (path.length === 0) return make(value);
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  copy[head] = setAt(copy[head], rest, make);
  return copy;
}

const REMOVE = Symbol('remove');

/** A template mutated at one spot: a leaf replaced, a key dropped, or a stray key added. */
export function mutatedBody(route: string, junk: fc.Arbitrary<unknown>): fc.Arbitrary<string> | null {
  const templates = BODY_TEMPLATES[route];
  if (!templates) return null;
  return fc.constantFrom(...templates).chain((template) =>
    fc
      .record({
        path: fc.constantFrom(...paths(template)),
        how: fc.constantFrom('replace', 'replace', 'drop', 'add', 'keep'),
        value: junk,
      })
      .map(({ path, how, value }) => {
        if (how === 'keep') return JSON.stringify(template);
        const mutated = setAt(template, path, (old) => {
          if (how === 'replace') return value;
          if (how === 'drop') return REMOVE;
          return typeof old === 'object' && old !== null && !Array.isArray(old) ? { ...old, stray_key: value } : value;
        });
        return JSON.stringify(mutated, (_k, v: unknown) => (v === REMOVE ? undefined : v));
      }),
  );
}
