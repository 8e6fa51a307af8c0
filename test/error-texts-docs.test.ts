import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v2CatalogueTexts } from './helpers/catalogue-texts.js';
import { DIALECTS } from './helpers/databases.js';
import { demoServer, type TestServer } from './helpers/server.js';

// The error texts stay the error reference's (issue 17 item 9), and docs/api.md says where live
// ButterCMS answers differ, so that users who match on text know. This holds the table to what
// the server answers: each row's Ghee text is what its requests get, with its status.

interface Row {
  status: number;
  ghee: string;
  live: string;
}

/** The rows of "Where live ButterCMS's texts differ" in docs/api.md, by case. */
function documentedRows(): Map<string, Row> {
  const doc = fs.readFileSync(new URL('../docs/api.md', import.meta.url), 'utf8');
  const start = doc.indexOf("### Where live ButterCMS's texts differ");
  if (start === -1) return new Map();
  const rows = new Map<string, Row>();
  for (const line of doc.slice(start).split('\n').slice(1)) {
    if (line.startsWith('#')) break;
    const cells = /^\| (.+?) \| (\d{3}) \| `(.+?)` \| `(.+?)` \|$/.exec(line);
    if (cells) rows.set(cells[1]!, { status: Number(cells[2]), ghee: cells[3]!, live: cells[4]! });
  }
  return rows;
}

/** Each documented case and requests that meet it (null token: an unknown one). */
const CASES: [string, { url: string; token?: string }[]][] = [
  [
    'unknown or revoked token',
    [
      { url: '/v2/pages/landing_page/launch/', token: 'ghee_r_0000000000000000000000000000000000' },
      { url: '/v2/posts/', token: 'nope' },
    ],
  ],
  [
    'missing page (`/v2/pages/<type>/<slug>/`)',
    [{ url: '/v2/pages/landing_page/nope/' }, { url: '/v2/pages/*/nope/' }, { url: '/v2/pages/nope/launch/' }],
  ],
  [
    'unknown collection key (`/v2/content/<key>/`)',
    [{ url: '/v2/content/nope/' }, { url: '/v2/content/brands,nope/' }],
  ],
  [
    'missing collection item, author, category or tag',
    [
      { url: '/v2/content/brands/2000000000/' },
      { url: '/v2/authors/nobody/' },
      { url: '/v2/categories/nothing/' },
      { url: '/v2/tags/nothing/' },
    ],
  ],
];

describe.each(DIALECTS)('the documented error texts (%s)', (dialect) => {
  let s: TestServer;
  const rows = documentedRows();
  beforeAll(async () => {
    s = await demoServer(dialect);
  });
  afterAll(async () => s?.close());

  it.for(CASES.map(([name]) => name))('docs/api.md has a row for: %s, naming two different texts', (name) => {
    const row = rows.get(name);
    expect(row).toBeDefined();
    expect(row!.live).not.toBe(row!.ghee);
  });

  it.for(CASES)('the server answers "%s" with the documented Ghee text', async ([name, requests]) => {
    const row = rows.get(name);
    expect(row).toBeDefined();
    for (const { url, token } of requests) {
      const r = await s.get(url, token ?? s.demo.read_token);
      expect({ url, status: r.status, body: r.body }).toEqual({
        url,
        status: row!.status,
        body: { detail: row!.ghee },
      });
    }
  });
});

// Every text of the /v2 part of the error catalogue is in docs/api.md (the Fastify way: a test
// fails when an error is missing from its reference page). Placeholders match any value.
describe('every /v2 error text of the catalogue is in docs/api.md', () => {
  const doc = fs.readFileSync(new URL('../docs/api.md', import.meta.url), 'utf8').replace(/\s+/g, ' ');
  const texts = v2CatalogueTexts();

  it('the walk finds the catalogue', () => {
    expect(texts.length).toBeGreaterThan(60);
  });

  it.for(texts.map((t) => [t.entry, t.text, t.pattern] as const))('%s: %s', ([, , pattern]) => {
    expect(doc).toMatch(pattern);
  });
});
