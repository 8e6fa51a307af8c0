// An archive is a file anyone could have written: an SVG in it is stored only if it is what Ghee's
// own upload would have stored (sanitised SVG, which sanitising leaves as it is).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sanitizeSvgOffThread } from '../src/media/svg/svg-pool.js';
import { sha256 } from '../src/transfer/export-account.js';
import { DIALECTS } from './helpers/databases.js';
import { ghee } from './helpers/library-archive.js';
import { demoServer, type TestServer } from './helpers/server.js';
import { svg } from './helpers/svg-samples.js';

const HOSTILE = Buffer.from(svg('<script>alert(1)</script><circle r="1"/>'));

describe.each(DIALECTS)('SVG files in an archive (%s)', (dialect) => {
  let source: TestServer;
  let target: TestServer;
  let archive: string;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ghee-svg-archive-'));

  beforeAll(async () => {
    source = await demoServer(dialect);
    target = await demoServer(dialect);
    archive = path.join(dir, 'archive');
    expect((await ghee(source, 'export', '--account', String(source.demo.id), '--out', archive)).code).toBe(0);
  });
  afterAll(async () => {
    await source?.close();
    await target?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** A copy of the archive with `bytes` added as media/<sha256>.svg. */
  function withSvg(name: string, bytes: Buffer): { copy: string; file: string } {
    const copy = path.join(dir, name);
    fs.cpSync(archive, copy, { recursive: true });
    const file = `${sha256(bytes)}.svg`;
    fs.mkdirSync(path.join(copy, 'media'), { recursive: true });
    fs.writeFileSync(path.join(copy, 'media', file), bytes);
    const manifestPath = path.join(copy, 'manifest.json');
    const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
    manifest.files[`media/${file}`] = sha256(bytes);
    fs.writeFileSync(manifestPath, JSON.stringify(manifest));
    return { copy, file };
  }

  it('refuses an SVG that sanitising would change, and stores nothing', async () => {
    const { copy, file } = withSvg('hostile', HOSTILE);
    const run = await ghee(target, 'import', copy, '--new-account', 'Hostile');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`media/${file} is an SVG file Ghee would not have stored as it is`);
    expect(await target.ctx.media.has(file)).toBe(false);
  });

  it('stores a sanitised SVG as it is', async () => {
    const clean = await sanitizeSvgOffThread(HOSTILE);
    expect(clean.toString()).not.toContain('script');
    const { copy, file } = withSvg('clean', clean);
    const run = await ghee(target, 'import', copy, '--new-account', 'Clean');
    expect(run.code).toBe(0);
    expect(await target.ctx.media.read(file)).toEqual(clean);
  });
});
