import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../src/accounts/accounts.js';
import { postBody } from './helpers/blog.js';
import { DIALECTS } from './helpers/databases.js';
import { demoServer, type TestServer } from './helpers/server.js';

// DELETE /v2/posts/<slug>/, and who may write posts at all (docs/api.md §2, §4).

describe.each(DIALECTS)('post deletes and write permissions (%s)', (dialect) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await demoServer(dialect);
  });
  afterAll(async () => s?.close());

  it('deletes a post: 204, then 404; its categories stay', async () => {
    await s.send('POST', '/v2/posts/', postBody('doomed', { categories: ['Doomed category'] }));
    const gone = await s.send('DELETE', '/v2/posts/doomed/');
    expect(gone.status).toBe(204);
    expect(gone.body).toBeNull();
    expect((await s.get('/v2/posts/doomed/?preview=1')).status).toBe(404);
    expect((await s.get('/v2/posts/search/?query=doomed')).body.data).toEqual([]);
    expect((await s.send('DELETE', '/v2/posts/doomed/')).body).toEqual({
      detail: 'Post matching query does not exist',
    });
    expect((await s.get('/v2/categories/doomed-category/')).status).toBe(200);
  });

  it('needs a write token and a plan with the write API', async () => {
    const reader = await s.send('POST', '/v2/posts/', postBody('by-reader'), s.demo.read_token);
    expect(reader.status).toBe(401);
    expect(reader.body).toEqual({ detail: 'Authentication credentials were not provided' });
    expect((await s.send('DELETE', '/v2/posts/hello-world/', undefined, s.demo.read_token)).status).toBe(401);
    expect((await s.send('PATCH', '/v2/posts/hello-world/', { title: 'x' }, null)).status).toBe(401);
    // Authentication is checked before the body is even parsed (docs/api.md §9).
    const broken = await s.app.inject({
      method: 'POST',
      url: '/v2/posts/',
      headers: { authorization: `Token ${s.demo.read_token}` },
      payload: '{broken',
    });
    expect(broken.statusCode).toBe(401);
    const free = await createAccount(s.store.db, { name: 'Free blog', plan: 'free' });
    const forbidden = await s.send('POST', '/v2/posts/', postBody('free'), free.write_token);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body).toEqual({ detail: 'You do not have permission to perform this action' });
    const other = await createAccount(s.store.db, { name: 'Other writer' });
    expect((await s.send('PATCH', '/v2/posts/hello-world/', { title: 'x' }, other.write_token)).status).toBe(404);
    expect((await s.send('POST', '/v2/posts/', postBody('hello-world'), other.write_token)).status).toBe(202);
  });
});
