// What is measured, in the order it runs. `server` names the process under load: `bare` (the
// node:http yardstick), `ghee`, `ghee-off` (authentication and metering switched off) or
// `ghee-metered` (authentication switched off, metering on).
// `expect` is the x-ghee-cache a probe must see first, so a scenario measures what it says.

/** Saturation is measured with 50 connections, creates with 10 (bench/README.md). */
const SATURATE = 50;

/** The scenarios of one database; `main` adds the bare server and the auth + metering pair. */
export function scenarios(data, { main }) {
  const page = `/v2/pages/article/${data.page}/`;
  const collection = `/v2/content/products/?fields.category=${data.category}&order=-price&page_size=100`;
  return [
    ...(main
      ? [{ id: 'bare', title: 'bare node:http, same bytes', server: 'bare', path: page, connections: SATURATE }]
      : []),
    { id: 'cached', title: 'cached single page', server: 'ghee', path: page, connections: SATURATE, expect: 'hit' },
    {
      id: 'cachedP99',
      title: 'cached single page, p99',
      server: 'ghee',
      path: page,
      connections: SATURATE,
      expect: 'hit',
      // Half of the saturated throughput just measured: a load it carries without queueing.
      rate: (done) => Math.max(1, Math.round(done.cached.rps.median / 2)),
    },
    {
      id: 'cachedP99Paced',
      title: 'cached single page, p99, evenly paced (cross-check)',
      server: 'ghee',
      path: page,
      connections: SATURATE,
      expect: 'hit',
      paced: true,
      rate: (done) => done.cachedP99.rate,
    },
    ...(main
      ? [
          {
            id: 'cachedOff',
            title: 'cached single page, auth + metering off',
            server: 'ghee-off',
            path: page,
            connections: SATURATE,
            expect: 'hit',
          },
          {
            id: 'cachedMetered',
            title: 'cached single page, auth off, metering on',
            server: 'ghee-metered',
            path: page,
            connections: SATURATE,
            expect: 'hit',
          },
        ]
      : []),
    {
      id: 'levels2',
      title: 'uncached single page, levels=2',
      server: 'ghee',
      path: page,
      unique: 'query',
      connections: SATURATE,
      expect: 'miss',
    },
    {
      id: 'levels5',
      title: 'uncached single page, levels=5',
      server: 'ghee',
      path: `${page}?levels=5`,
      unique: 'query',
      connections: SATURATE,
      expect: 'miss',
    },
    {
      id: 'collection',
      title: 'uncached collection list, filtered + ordered, page_size 100',
      server: 'ghee',
      path: collection,
      unique: 'query',
      connections: SATURATE,
      expect: 'miss',
    },
    {
      id: 'collectionP99',
      title: 'uncached collection list, p99',
      server: 'ghee',
      path: collection,
      unique: 'query',
      connections: SATURATE,
      expect: 'miss',
      rate: () => 100,
    },
    {
      id: 'collectionP99Paced',
      title: 'uncached collection list, p99, evenly paced (cross-check)',
      server: 'ghee',
      path: collection,
      unique: 'query',
      connections: SATURATE,
      expect: 'miss',
      paced: true,
      rate: () => 100,
    },
    {
      id: 'posts',
      title: 'uncached post list',
      server: 'ghee',
      path: '/v2/posts/',
      unique: 'query',
      connections: SATURATE,
      expect: 'miss',
    },
    {
      id: 'create',
      title: 'durable page create',
      server: 'ghee',
      path: '/v2/pages/',
      method: 'POST',
      unique: 'slug',
      connections: 10,
      body: JSON.stringify({
        title: 'Bench page',
        slug: 'set-per-request',
        page_type: 'article',
        status: 'published',
        fields: {
          headline: 'A page written under load',
          summary: 'Written by the benchmark.',
          body: '<p>Written under load.</p>',
          rank: 1,
          related: data.newPageRelated,
        },
      }),
    },
  ];
}
