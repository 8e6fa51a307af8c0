import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_HTML_LIMITS } from '../src/content/write/html-limits.js';
import { INLINE_MAX_CHARS } from '../src/content/write/sanitize-values.js';
import { DIALECTS } from './helpers/databases.js';
import { healthWhile } from './helpers/liveness.js';
import { demoServer, type TestServer } from './helpers/server.js';

// Rich text costs bounded work (docs/security.md, "Limits on every request's work"): a value
// past the size or nesting limit is a 400 on its field, refused before it costs more than a
// linear scan; one sanitiser pass; anything but a tiny batch is sanitised on a worker thread,
// so /healthz keeps answering within 100 ms while a hostile or a big value is handled.

const { maxBytes: MAX_BYTES, maxDepth: MAX_DEPTH } = DEFAULT_HTML_LIMITS;
const TOO_LARGE = `Ensure this HTML has no more than ${MAX_BYTES} bytes.`;
const TOO_DEEP = `Ensure this HTML nests elements no more than ${MAX_DEPTH} deep.`;
const PAGE = '/v2/pages/landing_page/about-us/';
/** The body of the security issue: 2.2 MB of nested `<div>`s (133 s of event loop before). */
const NESTED_DIVS = '<div>'.repeat(440_000);

const page = (fields: Record<string, unknown>) => ({ status: 'published', fields });
const post = (slug: string, body: string) => ({ title: `Post ${slug}`, slug, status: 'published', body });

describe.each(DIALECTS)('rich-text limits (%s)', (dialect) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await demoServer(dialect);
  });
  afterAll(async () => s?.close());

  const refusal = (fields: Record<string, string[]>) => ({ status: 400, body: { detail: { fields } } });
  const sent = async (method: 'POST' | 'PATCH', url: string, body: unknown) => {
    const r = await s.send(method, url, body);
    return { status: r.status, body: r.body };
  };

  it.for([
    ['an ASCII value one byte over', `<p>${'a'.repeat(MAX_BYTES - 6)}</p>`],
    ['a value under the limit in characters, over it in UTF-8 bytes', `<p>${'é'.repeat(MAX_BYTES / 2)}</p>`],
  ])('refuses %s: 400 on the field', async ([, html]) => {
    expect(await sent('PATCH', PAGE, page({ body: html }))).toEqual(refusal({ body: [TOO_LARGE] }));
  });

  it('takes a value of exactly the size limit', async () => {
    const html = `<p>${'a'.repeat(MAX_BYTES - 7)}</p>`;
    expect(Buffer.byteLength(html)).toBe(MAX_BYTES);
    expect((await s.send('PATCH', PAGE, page({ body: html }))).status).toBe(202);
    expect((await s.get(PAGE)).body.data.fields.body).toBe(html);
  });

  it('refuses nesting one level deeper than the limit, on the field', async () => {
    const html = '<div>'.repeat(MAX_DEPTH + 1) + 'deep';
    expect(await sent('PATCH', PAGE, page({ embed: html }))).toEqual(refusal({ embed: [TOO_DEEP] }));
  });

  it('takes nesting at the limit, closed for it', async () => {
    expect((await s.send('PATCH', PAGE, page({ body: `${'<div>'.repeat(MAX_DEPTH)}deep` }))).status).toBe(202);
    expect((await s.get(PAGE)).body.data.fields.body).toBe(
      `${'<div>'.repeat(MAX_DEPTH)}deep${'</div>'.repeat(MAX_DEPTH)}`,
    );
  });

  it('counts void elements and implied closes as the parser does', async () => {
    // 300 paragraphs, each closing the one before, and 300 <br>: never more than two deep.
    const html = `<div>${'<p>x<br>'.repeat(300)}</div>`;
    expect((await s.send('PATCH', PAGE, page({ body: html }))).status).toBe(202);
  });

  it('names every value past a limit at once, nested ones by their path', async () => {
    const deep = '<b>'.repeat(MAX_DEPTH + 1);
    const r = await sent(
      'PATCH',
      PAGE,
      page({
        embed: deep,
        faq: [
          { question: 'q', answer: 'fine' },
          { question: 'q', answer: deep },
        ],
        priority: 'x',
      }),
    );
    expect(r).toEqual(
      refusal({ priority: ['A valid number is required.'], embed: [TOO_DEEP], 'faq.1.answer': [TOO_DEEP] }),
    );
  });

  it('refuses a post body past a limit, and stores nothing', async () => {
    expect(await sent('POST', '/v2/posts/', post('too-deep', '<span>'.repeat(MAX_DEPTH + 1)))).toEqual(
      refusal({ body: [TOO_DEEP] }),
    );
    expect(await sent('POST', '/v2/posts/', post('too-big', 'x'.repeat(MAX_BYTES + 1)))).toEqual(
      refusal({ body: [TOO_LARGE] }),
    );
    expect((await s.get('/v2/posts/too-deep/?preview=1')).status).toBe(404);
  });

  it('refuses the 2.2 MB nested-div post body at once, and /healthz stays fast', async () => {
    const started = performance.now();
    const { result, slowestMs } = await healthWhile(s.app, () =>
      s.send('POST', '/v2/posts/', post('nested', NESTED_DIVS)),
    );
    expect(result).toMatchObject(refusal({ body: [TOO_LARGE] }));
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(slowestMs).toBeLessThan(100);
  });

  it('sanitises a big legal value on a worker thread while /healthz stays fast', async () => {
    // About 1 MB nested to 250 levels, over and over: about 150 ms of sanitiser work.
    const unit = `${'<div onclick="x()">'.repeat(250)}<p>text <script>alert(1)</script></p>${'</div>'.repeat(250)}`;
    const html = unit.repeat(Math.floor((MAX_BYTES - 100) / unit.length));
    const { result, slowestMs } = await healthWhile(s.app, () => s.send('POST', '/v2/posts/', post('big-legal', html)));
    expect(result.status).toBe(202);
    expect(slowestMs).toBeLessThan(100);
    const body: string = (await s.get('/v2/posts/big-legal/')).body.data.body;
    expect(body.startsWith(`${'<div>'.repeat(250)}<p>text </p>`)).toBe(true);
    expect(body).not.toMatch(/onclick|script|alert/);
  });

  it(`sanitises a tiny batch (at most ${INLINE_MAX_CHARS} characters) inline, with the same result`, async () => {
    const html = '<p onclick="x()">Hi<script>alert(1)</script></p>';
    expect((await s.send('PATCH', PAGE, page({ body: html }))).status).toBe(202);
    expect((await s.get(PAGE)).body.data.fields.body).toBe('<p>Hi</p>');
  });

  it("answers 503 with Retry-After when the sanitiser's queue is full", async () => {
    // Five writes of 38 values of 260 kB (a task each): 190 tasks for one thread and 128 places.
    // Each write is invalid besides (`priority`), so none stores 10 MB: those the pool takes are 400s.
    const answers = Array.from({ length: 38 }, (_, i) => ({ question: `q${i}`, answer: 'x'.repeat(260_000) }));
    const headers = { authorization: `Token ${s.demo.write_token}`, 'content-type': 'application/json' };
    const payload = JSON.stringify(page({ priority: 'x', faq: answers }));
    const results = await Promise.all(
      [0, 1, 2, 3, 4].map(() => s.app.inject({ method: 'PATCH', url: PAGE, headers, payload })),
    );
    const busy = results.filter((r) => r.statusCode === 503);
    expect(busy.length).toBeGreaterThan(0);
    for (const r of busy) {
      expect(JSON.parse(r.body)).toEqual({
        detail: 'Too much HTML is being sanitised right now. Please try again in a few seconds.',
      });
      expect(r.headers['retry-after']).toBe('5');
    }
    for (const r of results.filter((x) => x.statusCode !== 503))
      expect({ status: r.statusCode, body: JSON.parse(r.body) }).toEqual(
        refusal({ priority: ['A valid number is required.'] }),
      );
  });

  it('gives links that open another window rel="noopener noreferrer", in pages and posts', async () => {
    const link = '<a href="https://example.com/" target="_blank">x</a>';
    const kept = '<a href="https://example.com/" target="_blank" rel="noopener noreferrer">x</a>';
    expect((await s.send('PATCH', PAGE, page({ body: link, faq: [{ question: 'q', answer: link }] }))).status).toBe(
      202,
    );
    const fields = (await s.get(PAGE)).body.data.fields;
    expect([fields.body, fields.faq[0].answer]).toEqual([kept, kept]);
    expect((await s.send('POST', '/v2/posts/', post('linked', link))).status).toBe(202);
    expect((await s.get('/v2/posts/linked/')).body.data.body).toBe(kept);
  });
});

describe.each(DIALECTS)('rich-text nesting limit with the size limit raised (%s)', (dialect) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await demoServer(dialect, { config: { htmlMaxBytes: 8 * 1024 * 1024 } });
  });
  afterAll(async () => s?.close());

  it('refuses the 2.2 MB nested-div body by its depth, in bounded time, and /healthz stays fast', async () => {
    const started = performance.now();
    const { result, slowestMs } = await healthWhile(s.app, () =>
      s.send('POST', '/v2/posts/', post('nested', NESTED_DIVS)),
    );
    expect(result).toMatchObject({ status: 400, body: { detail: { fields: { body: [TOO_DEEP] } } } });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(slowestMs).toBeLessThan(100);
  });
});
