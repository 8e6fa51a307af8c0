// A demo account whose library describes its files, for the archive tests: a described image
// the content does not use, a described one it does, and files the content uses (in a post's rich
// text, after image tasks and under a label) that the library does not list.
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { CliIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { loadConfig } from '../../src/config.js';
import { ACCOUNT_MEDIA_COLUMNS } from '../../src/media/media-table.js';
import { sha256 } from '../../src/transfer/export-account.js';
import { JPEG, PNG } from './media-samples.js';
import { PUBLIC_URL, type TestServer } from './server.js';

export interface SavedFile {
  name: string;
  bytes: Buffer;
}

/** The account's library rows, by name. */
export const libraryOf = (s: TestServer, accountId: number) =>
  s.store.db
    .selectFrom('media')
    .select([...ACCOUNT_MEDIA_COLUMNS])
    .where('account_id', '=', accountId)
    .orderBy('name')
    .execute();

/**
 * Describes the demo account's library: `described` (a PNG, alt, caption, tags, focal point) used
 * by no content, `unused` (a JPEG with only a caption); and `inBody`, `labelled`, files a post's
 * body shows (`/media/resize=width:100/<file>`, `<PUBLIC_URL>/media/<hash>/label.png`) unlisted.
 */
export async function describeLibrary(
  s: TestServer,
): Promise<Record<'described' | 'unused' | 'inBody' | 'labelled', SavedFile>> {
  const save = async (bytes: Buffer, ext: string, mime: string) => ({
    name: (await s.ctx.media.save(bytes, ext, mime)).name,
    bytes,
  });
  const square = (size: number) =>
    sharp({ create: { width: size, height: size, channels: 3, background: '#808080' } })
      .png()
      .toBuffer();
  const files = {
    described: await save(PNG, 'png', 'image/png'),
    unused: await save(JPEG, 'jpg', 'image/jpeg'),
    inBody: await save(await square(2), 'png', 'image/png'),
    labelled: await save(await square(3), 'png', 'image/png'),
  };
  const row = (file: SavedFile, mime: string) => ({
    account_id: s.demo.id,
    name: file.name,
    mime,
    size: file.bytes.length,
    created: '2024-05-01T08:00:00.000000Z',
  });
  // One row per insert: a row that leaves a column out takes its default (SQLite has no DEFAULT in a list).
  for (const values of [
    {
      ...row(files.described, 'image/png'),
      original_name: 'cat.png',
      alt: 'A cat on a mat',
      caption: 'Our cat,\nasleep',
      tags: '["cats","pets"]',
      focal_x: 0.25,
      focal_y: 0.75,
      width: 1,
      height: 1,
      updated: '2024-06-01T09:30:00.000000Z',
    },
    { ...row(files.unused, 'image/jpeg'), original_name: 'unused.jpg', caption: 'Never shown' },
  ])
    await s.store.db.insertInto('media').values(values).execute();
  const hash = files.labelled.name.slice(0, 64);
  await s.store.db
    .updateTable('post_versions')
    .set({
      body: `<p><img src="/media/resize=width:100/${files.inBody.name}" srcset="${PUBLIC_URL}/media/${hash}/label.png 2x" alt="x" /></p>`,
    })
    .execute();
  return files;
}

/** Runs the CLI on a test server's database and media folder. */
export async function ghee(s: TestServer, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    env: {},
    config: loadConfig(
      {},
      {
        databaseUrl: s.store.url,
        dataDir: '/nonexistent',
        mediaDir: s.ctx.config.mediaDir,
        publicUrl: PUBLIC_URL,
        logLevel: 'silent',
      },
    ),
  };
  return { code: await main(argv, io), stdout: out.join('\n'), stderr: err.join('\n') };
}

/** Rewrites a file of an archive directory (or drops it: null), keeping the manifest's checksums true. */
export function rewrite(dir: string, name: string, content: string | null): void {
  const manifestPath = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
  if (content === null) {
    fs.rmSync(path.join(dir, name));
    delete manifest.files[name];
  } else {
    fs.writeFileSync(path.join(dir, name), content);
    manifest.files[name] = sha256(Buffer.from(content));
  }
  fs.writeFileSync(manifestPath, JSON.stringify(manifest));
}
