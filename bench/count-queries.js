// Counts the SQL queries of one uncached single-page read at each `levels`, in-process, with the
// store's `onQuery` hook (as test/query-count.test.ts does).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../dist/config.js';
import { createServer } from '../dist/server.js';
import { openStore } from '../dist/store/database.js';

/**
 * Returns, for levels 1..5, the queries of one read of `page` (the token lookup included) and
 * how many levels of references the page really has (reads past that find nothing to fetch).
 */
export async function countQueries(databaseUrl, data) {
  let queries = 0;
  const store = openStore(databaseUrl, { onQuery: () => void queries++ });
  const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ghee-bench-media-'));
  // No usage flush may land inside a counted read.
  const config = loadConfig(
    {},
    { databaseUrl, logLevel: 'silent', mediaDir, publicUrl: 'http://ghee.bench', usageFlushMs: 3_600_000 },
  );
  const { app } = await createServer(config, { store, logger: false });
  try {
    let buster = 0;
    const read = async (levels) => {
      const url = `/v2/pages/article/${data.page}/?levels=${levels}&_=count${buster++}`;
      const res = await app.inject({ method: 'GET', url, headers: { authorization: `Token ${data.readToken}` } });
      if (res.statusCode !== 200 || res.headers['x-ghee-cache'] !== 'miss')
        throw new Error(`query count: ${url} gave ${res.statusCode} ${res.headers['x-ghee-cache']}`);
      return res;
    };
    const byLevels = {};
    for (let levels = 1; levels <= 5; levels++) {
      await read(levels); // the schema snapshot and the meter's first look at the account
      queries = 0;
      await read(levels);
      byLevels[levels] = queries;
    }
    return byLevels;
  } finally {
    await app.close();
    await store.close();
    fs.rmSync(mediaDir, { recursive: true, force: true });
  }
}
