import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_CONTENT_TYPES, MAX_FIELDS } from '../src/content/schema/document-size.js';
import { INLINE_FIELDS } from '../src/content/schema/validate-off-thread.js';
import { demoAdmin, type AdminClient } from './helpers/admin.js';
import { DIALECTS } from './helpers/databases.js';
import { healthWhile } from './helpers/liveness.js';
import type { TestServer } from './helpers/server.js';

// A schema document's work is bounded (docs/security.md, "Limits on every request's work"): past
// the caps on content types and fields it is refused before anything else is checked, and a
// large legal one is checked on a worker thread while /healthz keeps answering.

/** `count` components of `fields` short text fields each, every one with its own pattern. */
function components(count: number, fields: number): Record<string, { fields: Record<string, unknown> }> {
  const out: Record<string, { fields: Record<string, unknown> }> = {};
  for (let c = 0; c < count; c++) {
    const f: Record<string, unknown> = {};
    for (let i = 0; i < fields; i++) f[`f${i}`] = { type: 'short_text', pattern: `^[a-z]{1,${i + 1}}$` };
    out[`c${c}`] = { fields: f };
  }
  return out;
}

describe.each(DIALECTS)('schema document size (%s)', (dialect) => {
  let s: TestServer;
  let admin: AdminClient;
  let base: string;
  let before: unknown;

  beforeAll(async () => {
    ({ s, admin, base } = await demoAdmin(dialect));
    before = (await admin.get(`${base}/schema`)).body.data;
  });

  afterAll(async () => {
    await s?.close();
  });

  it.for([
    [
      'content types',
      () => ({ components: components(MAX_CONTENT_TYPES + 1, 0) }),
      `document: ${MAX_CONTENT_TYPES + 1} content types; a schema holds at most ${MAX_CONTENT_TYPES} (page types, single pages, collections and components together)`,
    ],
    [
      'fields',
      () => ({ components: components(11, 1000) }),
      `document: 11000 fields; a schema holds at most ${MAX_FIELDS} (repeater row fields included)`,
    ],
    [
      'repeater row fields',
      () => ({
        page_types: {
          big: {
            name: 'Big',
            fields: {
              rows: {
                type: 'repeater',
                fields: Object.fromEntries(
                  Array.from({ length: MAX_FIELDS }, (_, i) => [`f${i}`, { type: 'short_text' }]),
                ),
              },
            },
          },
        },
      }),
      `document: ${MAX_FIELDS + 1} fields; a schema holds at most ${MAX_FIELDS} (repeater row fields included)`,
    ],
  ] as const)('refuses a document past the cap on %s, changing nothing', async ([, doc, line]) => {
    const res = await admin.request('PUT', `${base}/schema`, doc());
    expect(res.status).toBe(400);
    expect(res.body.detail).toEqual({ message: 'The schema document is invalid.', errors: [line] });
    expect((await admin.get(`${base}/schema`)).body.data).toEqual(before);
  });

  it(`checks a large document (over ${INLINE_FIELDS} fields) on a worker thread while /healthz stays fast`, async () => {
    const doc = {
      ...(before as object),
      components: { ...(before as { components: object }).components, ...components(50, 40) },
    };
    const { result, slowestMs } = await healthWhile(s.app, () => admin.request('POST', `${base}/schema/diff`, doc));
    expect(result.status).toBe(200);
    expect(result.body.data).toHaveLength(50);
    expect(slowestMs).toBeLessThan(100);
  });

  it('answers 503 schema_busy with Retry-After once 16 large documents wait for the thread, and takes them again after', async () => {
    const doc = { components: components(50, 40) };
    const answers = await Promise.all(
      Array.from({ length: 24 }, () => admin.request('POST', `${base}/schema/diff`, doc)),
    );
    const busy = answers.filter((a) => a.status === 503);
    expect(answers.every((a) => a.status === 200 || a.status === 503)).toBe(true);
    expect(busy.length).toBeGreaterThan(0);
    expect(busy[0]!.body).toEqual({
      detail: 'Too many schema documents are being checked right now. Please try again in a few seconds.',
      code: 'schema_busy',
    });
    expect(busy[0]!.headers['retry-after']).toBe('5');
    expect((await admin.request('POST', `${base}/schema/diff`, doc)).status).toBe(200);
  });

  it('reports every problem of a large invalid document, as a small one does', async () => {
    const doc = { components: components(60, 10) } as {
      components: Record<string, { fields: Record<string, unknown> }>;
    };
    doc.components.c7!.fields.f3 = { type: 'image' };
    doc.components.c42!.fields.f9 = { type: 'short_text', pattern: '(' };
    const res = await admin.request('PUT', `${base}/schema`, doc);
    expect(res.status).toBe(400);
    expect(res.body.detail.errors).toEqual([
      expect.stringMatching(/^components\.c7\.fields\.f3\.type: unknown field type "image"/),
      expect.stringMatching(/^components\.c42\.fields\.f9\.pattern: /),
    ]);
  });
});
