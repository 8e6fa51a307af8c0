import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import type { CliIo } from '../src/cli/io.js';
import { loadConfig } from '../src/config.js';
import { htmlWorkerFile } from '../src/content/write/html-pool.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from './helpers/databases.js';
import { freePort, kill, spawnServe } from './helpers/process.js';

// The sanitiser's worker threads load the same code from src/ (TypeScript, under vitest) and from
// the compiled dist/ that `ghee serve` runs; a wrong path would fail every long rich-text write.
// The other suites use the src/ path; this one a spawned `ghee serve` (rebuild dist/ first).

const ROOT = fileURLToPath(new URL('..', import.meta.url));

describe('the sanitiser worker file', () => {
  it('is the TypeScript source under vitest', () => {
    expect(fileURLToPath(htmlWorkerFile())).toBe(path.join(ROOT, 'src', 'content', 'write', 'html-worker.ts'));
  });

  it('is the compiled JavaScript from dist/, and it is there', async () => {
    const compiled = await import(path.join(ROOT, 'dist', 'content', 'write', 'html-pool.js'));
    const file = fileURLToPath(compiled.htmlWorkerFile());
    expect(file).toBe(path.join(ROOT, 'dist', 'content', 'write', 'html-worker.js'));
    expect(fs.existsSync(file)).toBe(true);
  });
});

describe.each(DIALECTS)('rich text through a spawned ghee serve (%s)', (dialect) => {
  let child: ChildProcess | undefined;
  let database: TestDatabase;
  let dataDir: string;
  let base = '';
  let write = '';
  afterAll(async () => {
    if (child) await kill(child);
    await database?.drop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('sanitises a long post body on its worker threads', async () => {
    database = await createTestDatabase(dialect);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ghee-html-dist-'));
    const out: string[] = [];
    const io: CliIo = {
      out: (t) => out.push(t),
      err: () => {},
      env: {},
      config: loadConfig({}, { databaseUrl: database.url, dataDir }),
    };
    expect(await main(['seed', 'demo', '--json'], io)).toBe(0);
    const tokens = JSON.parse(out[0]!) as { write_token: string; read_token: string };
    write = tokens.write_token;
    const port = await freePort();
    child = await spawnServe({ ...process.env, DATABASE_URL: database.url, DATA_DIR: dataDir }, port);
    base = `http://127.0.0.1:${port}/v2`;

    // 200 kB: far past what is sanitised inline, so a worker thread does it.
    const body =
      '<p onclick="x()">Hello <a href="https://example.com/" target="_blank">there</a><script>alert(1)</script></p>'.repeat(
        2000,
      );
    const res = await fetch(`${base}/posts/`, {
      method: 'POST',
      headers: { authorization: `Token ${write}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Long', slug: 'long', status: 'published', body }),
    });
    expect(res.status).toBe(202);
    const stored = (await (await fetch(`${base}/posts/long/?auth_token=${tokens.read_token}`)).json()) as {
      data: { body: string };
    };
    expect(stored.data.body).toBe(
      '<p>Hello <a href="https://example.com/" target="_blank" rel="noopener noreferrer">there</a></p>'.repeat(2000),
    );
  });

  it('refuses nesting past the limit on the worker too, with the field error', async () => {
    const res = await fetch(`${base}/posts/`, {
      method: 'POST',
      headers: { authorization: `Token ${write}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Deep', slug: 'deep', status: 'published', body: '<div>'.repeat(100_000) }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      detail: { fields: { body: ['Ensure this HTML nests elements no more than 256 deep.'] } },
    });
  });
});
