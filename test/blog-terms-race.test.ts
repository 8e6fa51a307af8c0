import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { member, type AdminClient } from './helpers/admin.js';
import { postBody } from './helpers/blog.js';
import { DIALECTS } from './helpers/databases.js';
import { demoServer, type TestServer } from './helpers/server.js';

// Deleting an unused tag while posts that name it are being written (issue 17 item 16). Either
// order is fine, but never a lost link (the delete cascading over a post's fresh link) nor a 5xx
// (a post write linking a tag deleted a moment before): every post keeps the tag it was given.

const ROUNDS = 12;
const WRITERS = 3;

describe.each(DIALECTS)('deleting a tag while posts name it (%s)', (dialect) => {
  let s: TestServer;
  let editor: AdminClient;
  let base: string;

  beforeAll(async () => {
    s = await demoServer(dialect);
    editor = await member(s.app, s.store, s.demo.id, 'editor');
    base = `/admin/api/accounts/${s.demo.id}`;
  });
  afterAll(async () => s?.close());

  it.for(Array.from({ length: ROUNDS }, (_, i) => i))(
    'round %i: every post keeps its tag; the delete is 204 or 409',
    async (round) => {
      const tag = `race ${round}`;
      expect((await s.send('POST', '/v2/posts/', postBody(`seed-${round}`, { tags: [tag] }))).status).toBe(202);
      expect((await s.send('DELETE', `/v2/posts/seed-${round}/`)).status).toBe(204);
      const writers = Array.from({ length: WRITERS }, (_, w) =>
        s.send('POST', '/v2/posts/', postBody(`racer-${round}-${w}`, { tags: [tag] })),
      );
      const [deleted, ...written] = await Promise.all([
        editor.request('DELETE', `${base}/tags/race-${round}`),
        ...writers,
      ]);
      expect(written.map((r) => r.status)).toEqual(Array(WRITERS).fill(202));
      expect([204, 409]).toContain(deleted.status);
      for (let w = 0; w < WRITERS; w++) {
        expect((await s.get(`/v2/posts/racer-${round}-${w}/`)).body.data.tags).toEqual([
          { name: tag, slug: `race-${round}` },
        ]);
      }
      expect((await s.get(`/v2/tags/race-${round}/`)).status).toBe(200);
    },
  );
});
