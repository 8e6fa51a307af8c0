import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noRecord } from './helpers/audit.js';
import { DIALECTS } from './helpers/databases.js';
import { pageWithVersions, versionIds } from './helpers/history.js';
import { demoServer, type TestServer } from './helpers/server.js';

// A refused content write changes nothing, its history and audit log included (docs/api.md
// §12): an invalid field, a missing page, a page delete refused while referenced.

describe.each(DIALECTS)('refused writes in history (%s)', (dialect) => {
  let s: TestServer;
  const base = '/v2/pages/landing_page/refused-page/';
  beforeAll(async () => {
    s = await demoServer(dialect);
    await pageWithVersions(s, 'refused-page', ['Second']);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('keeps no version and no audit record of a write refused with a 400, a 404 or a referenced delete', async () => {
    const before = await versionIds(s, base);
    const invalid = await noRecord(s.store, () => s.send('PATCH', base, { fields: { headline: 7 } }));
    expect(invalid.status).toBe(400);
    const missing = await noRecord(s.store, () =>
      s.send('PATCH', '/v2/pages/landing_page/no-such-page/', { fields: { headline: 'x' } }),
    );
    expect(missing.status).toBe(404);
    // `launch` is referenced by other demo pages: the delete is refused and nothing goes to the trash.
    const referenced = await noRecord(s.store, () => s.send('DELETE', '/v2/pages/landing_page/launch/'));
    expect(referenced.status).toBe(400);
    expect(await versionIds(s, base)).toEqual(before);
    const trash = await s.get('/v2/trash/', s.demo.write_token);
    expect(trash.body.data).toEqual([]);
  });
});
