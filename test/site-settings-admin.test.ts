import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymousClient, member, type AdminClient } from './helpers/admin.js';
import { DIALECTS } from './helpers/databases.js';
import { demoServer, type TestServer } from './helpers/server.js';

// Settings > Site in the admin API: GET (viewer) and PUT (admin) /admin/api/accounts/:id/settings,
// the feeds' site URL and title. PUT changes only the keys sent; null or "" unsets one; every
// failing key is a 400 field error, and a refused write changes nothing.

const URL_TEXT = 'Enter an absolute http or https URL, such as https://www.example.com.';
const PARTS_TEXT = 'Enter the address without a query (?) or fragment (#).';
const NONE = { site_url: null, feed_title: null };

describe.each(DIALECTS)('site settings in the admin API (%s)', (dialect) => {
  let s: TestServer;
  let admin: AdminClient;
  let editor: AdminClient;
  let viewer: AdminClient;
  let url: string;
  beforeAll(async () => {
    s = await demoServer(dialect);
    admin = await member(s.app, s.store, s.demo.id, 'admin');
    editor = await member(s.app, s.store, s.demo.id, 'editor');
    viewer = await member(s.app, s.store, s.demo.id, 'viewer');
    url = `/admin/api/accounts/${s.demo.id}/settings`;
  });
  afterAll(async () => s?.close());

  const current = async () => (await viewer.get(url)).body;
  const reset = () => admin.request('PUT', url, { site_url: null, feed_title: null });

  it('GET (a viewer): both unset on a new account', async () => {
    const r = await viewer.get(url);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ data: NONE });
  });

  it('PUT (an admin) sets both and answers them; GET reads them back', async () => {
    const r = await admin.request('PUT', url, { site_url: 'https://www.example.com', feed_title: 'Ghee news' });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ data: { site_url: 'https://www.example.com', feed_title: 'Ghee news' } });
    expect(await current()).toEqual(r.body);
  });

  it('PUT changes only the keys sent', async () => {
    const r = await admin.request('PUT', url, { feed_title: '  Spaced out  ' });
    expect(r.body).toEqual({ data: { site_url: 'https://www.example.com', feed_title: 'Spaced out' } });
  });

  it.for([
    ['null', null],
    ['an empty string', ''],
  ] as const)('PUT with %s unsets a setting', async ([, empty]) => {
    await admin.request('PUT', url, { site_url: 'https://www.example.com', feed_title: 'T' });
    const r = await admin.request('PUT', url, { site_url: empty, feed_title: empty });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ data: NONE });
  });

  it('a title of 200 characters counted as code points (emoji included) is taken', async () => {
    const title = '\u{1F600}'.repeat(100) + 'é'.repeat(100);
    const r = await admin.request('PUT', url, { feed_title: title });
    expect(r.status).toBe(200);
    expect(r.body.data.feed_title).toBe(title);
    await reset();
  });

  it.for([
    ['ftp://example.com', URL_TEXT],
    ['www.example.com', URL_TEXT],
    ['/blog', URL_TEXT],
    ['javascript:alert(1)', URL_TEXT],
    ['https://user:secret@example.com', URL_TEXT],
    ['https://exa mple.com', URL_TEXT],
    ['https://example.com/\n', URL_TEXT],
    ['https://example.com/\u0000', URL_TEXT],
    ['https://example.com/?page=1', PARTS_TEXT],
    ['https://example.com/?', PARTS_TEXT],
    ['https://example.com/#top', PARTS_TEXT],
    [`https://example.com/${'a'.repeat(2000)}`, 'Ensure this field has no more than 2000 characters.'],
    [42, 'Not a valid string.'],
    [{ url: 'https://example.com' }, 'Not a valid string.'],
  ] as const)('site_url %j: 400 on site_url', async ([value, text]) => {
    const r = await admin.request('PUT', url, { site_url: value });
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ detail: { fields: { site_url: [text] } }, code: 'validation' });
  });

  it.for([
    ['a'.repeat(201), 'Ensure this field has no more than 200 characters.'],
    ['Tab\there', 'Control characters are not allowed.'],
    ['Line\nbreak', 'Control characters are not allowed.'],
    ['C1 \u0085 control', 'Control characters are not allowed.'],
    ['nul \u0000', 'Control characters are not allowed.'],
    [['a list'], 'Not a valid string.'],
    [true, 'Not a valid string.'],
  ] as const)('feed_title %j: 400 on feed_title', async ([value, text]) => {
    const r = await admin.request('PUT', url, { feed_title: value });
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ detail: { fields: { feed_title: [text] } }, code: 'validation' });
  });

  it('names every failing key at once, and a refused write changes nothing', async () => {
    await admin.request('PUT', url, { site_url: 'https://kept.example', feed_title: 'Kept' });
    const both = await admin.request('PUT', url, { site_url: 'ftp://x', feed_title: 'x'.repeat(300) });
    expect(both.status).toBe(400);
    expect(both.body).toEqual({
      detail: { fields: { site_url: [URL_TEXT], feed_title: ['Ensure this field has no more than 200 characters.'] } },
      code: 'validation',
    });
    const one = await admin.request('PUT', url, { site_url: 'https://changed.example', feed_title: 'bad\u0007' });
    expect(one.status).toBe(400);
    expect(await current()).toEqual({ data: { site_url: 'https://kept.example', feed_title: 'Kept' } });
    await reset();
  });

  it.for([
    [{ site_url: 'https://x.example', title: 'x' }, "Unknown key 'title' in request body", 'unknown_body_key'],
    [['https://x.example'], 'Request body must be a JSON object', 'malformed_body'],
  ] as const)('a malformed body %j: 400', async ([body, detail, code]) => {
    const r = await admin.request('PUT', url, body);
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ detail, code });
    expect(await current()).toEqual({ data: NONE });
  });

  it.for(['editor', 'viewer'] as const)('PUT as %s: 403, nothing changed', async (role) => {
    const client = role === 'editor' ? editor : viewer;
    const r = await client.request('PUT', url, { site_url: 'https://x.example' });
    expect(r.status).toBe(403);
    expect(r.body).toEqual({ detail: 'You do not have permission to perform this action', code: 'forbidden' });
    expect(await current()).toEqual({ data: NONE });
  });

  it('signed out: 401; without the CSRF token: 403; another account: 404; POST: 405', async () => {
    const anonymous = await anonymousClient(s.app);
    const signedOut = await anonymous.get(url);
    expect([signedOut.status, signedOut.body]).toEqual([
      401,
      { detail: 'Authentication credentials were not provided', code: 'not_signed_in' },
    ]);
    const csrf = await admin.request('PUT', url, { feed_title: 'x' }, { csrf: null });
    expect([csrf.status, csrf.body]).toEqual([
      403,
      { detail: 'CSRF Failed: CSRF token missing or incorrect.', code: 'csrf_token' },
    ]);
    const other = await admin.get(`/admin/api/accounts/${s.demo.id + 1000}/settings`);
    expect([other.status, other.body]).toEqual([404, { detail: 'Not found', code: 'not_found' }]);
    const post = await admin.request('POST', url, {});
    expect([post.status, post.body, post.headers.allow]).toEqual([
      405,
      { detail: 'Method "POST" not allowed.', code: 'method_not_allowed' },
      'GET, PUT, HEAD',
    ]);
    expect(await current()).toEqual({ data: NONE });
  });
});
