// Files on disk (docs/security.md, "Files on disk"): a real `ghee start` makes its folders 0700
// and its files 0600, whatever the umask: the SQLite database and its -wal and -shm (token and
// password hashes, webhook secrets and headers), the demo credentials, media files. Files of an
// older install, once 0644, are 0600 after the next start.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from './helpers/databases.js';
import { PNG } from './helpers/media-fixture.js';
import { startGhee, type StartedGhee } from './helpers/start-process.js';

const mode = (file: string) => (fs.statSync(file).mode & 0o777).toString(8);

describe.each(DIALECTS)('file modes after a real start (%s)', (dialect) => {
  let database: TestDatabase;
  let root: string;
  let dataDir: string;
  let env: Record<string, string>;
  let started: StartedGhee | undefined;
  let mediaName: string;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'ghee-modes-'));
    // Two folders that do not exist yet: Ghee makes them, and DATA_DIR in them.
    dataDir = path.join(root, 'srv', 'ghee', 'data');
    env = { DATA_DIR: dataDir, ...(dialect === 'postgres' && { DATABASE_URL: database.url }) };
    const oldUmask = process.umask(0o022);
    try {
      started = await startGhee(env);
    } finally {
      process.umask(oldUmask);
    }
    const password = /sign in as \S+ \/ (\S+)/.exec(started.banner)![1]!;
    mediaName = await uploadMedia(started.port, password);
  }, 90_000);

  afterAll(async () => {
    await started?.stop();
    await database?.drop();
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  /** Signs in as the demo owner over the socket and uploads a PNG to the media library; returns its file name. */
  async function uploadMedia(port: number, password: string): Promise<string> {
    const base = `http://127.0.0.1:${port}/admin/api`;
    const anon = await fetch(`${base}/session`);
    const csrfCookie = anon.headers.getSetCookie()[0]!.split(';')[0]!;
    const csrf = ((await anon.json()) as any).data.csrf_token as string;
    const signIn = await fetch(`${base}/sign-in`, {
      method: 'POST',
      body: JSON.stringify({ email: 'owner@demo.invalid', password }),
      headers: { 'content-type': 'application/json', cookie: csrfCookie, 'x-csrf-token': csrf },
    });
    const session = signIn.headers
      .getSetCookie()
      .find((c) => c.startsWith('ghee_session='))!
      .split(';')[0]!;
    const token = ((await signIn.json()) as any).data.csrf_token as string;
    const upload = await fetch(`${base}/accounts/1/media`, {
      method: 'POST',
      body: PNG,
      headers: { cookie: session, 'x-csrf-token': token },
    });
    const body = (await upload.json()) as any;
    if (upload.status !== 201) throw new Error(`upload: ${upload.status} ${JSON.stringify(body)}`);
    return new URL(body.data.url).pathname.split('/').pop()!;
  }

  it('the folders Ghee made are 0700: DATA_DIR and the parents it had to make', () => {
    expect([mode(path.join(root, 'srv')), mode(path.join(root, 'srv', 'ghee')), mode(dataDir)]).toEqual([
      '700',
      '700',
      '700',
    ]);
  });

  it('the demo credentials are 0600', () => {
    expect(mode(path.join(dataDir, 'demo-credentials.json'))).toBe('600');
  });

  it('the media folder is 0700 and a media file 0600', () => {
    expect(mode(path.join(dataDir, 'media'))).toBe('700');
    expect(mode(path.join(dataDir, 'media', mediaName))).toBe('600');
  });

  it('the database files in DATA_DIR are 0600 (SQLite: ghee.db, its -wal and -shm; PostgreSQL: none)', () => {
    const files = fs
      .readdirSync(dataDir)
      .filter((name) => name.startsWith('ghee.db'))
      .sort();
    expect(files.map((name) => [name, mode(path.join(dataDir, name))])).toEqual(
      dialect === 'sqlite'
        ? [
            ['ghee.db', '600'],
            ['ghee.db-shm', '600'],
            ['ghee.db-wal', '600'],
          ]
        : [],
    );
  });

  it("an older install's files, 0644, are 0600 after the next start", async () => {
    await started!.stop();
    const files = [
      path.join(dataDir, 'demo-credentials.json'),
      ...(dialect === 'sqlite' ? [path.join(dataDir, 'ghee.db')] : []),
    ];
    for (const file of files) fs.chmodSync(file, 0o644);
    started = await startGhee(env);
    expect(files.map(mode)).toEqual(files.map(() => '600'));
  }, 60_000);
});
