import fs from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { ArchiveFiles } from './export-account.js';
import { packTar, unpackTar } from './tar.js';
import { makePrivateDir } from '../files/private-dir.js';

/** True when the path names a gzipped tar rather than a directory. */
export function isTarGz(target: string): boolean {
  return target.endsWith('.tar.gz') || target.endsWith('.tgz');
}

/**
 * Writes archive files to a `.tar.gz` (deterministic: see tar.ts) or into a directory, which is
 * created (or must be empty) so that no stale file of an earlier export is mixed in.
 */
export async function writeArchive(target: string, files: ArchiveFiles): Promise<void> {
  if (isTarGz(target)) {
    makePrivateDir(path.dirname(path.resolve(target)));
    await fs.writeFile(target, gzipSync(packTar(files), { level: 9 }));
    return;
  }
  // Not `mkdir({ recursive })`: it loops forever under a parent that refuses children (/proc).
  makePrivateDir(target);
  if ((await fs.readdir(target)).length) throw new ArchiveError(`${target} is not empty; export into a new directory`);
  for (const [name, bytes] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const file = path.join(target, ...name.split('/'));
    makePrivateDir(path.dirname(file));
    await fs.writeFile(file, bytes);
  }
}

/** Reads every file of an archive, a `.tar.gz` or a directory, by its path inside it. */
export async function readArchive(source: string): Promise<ArchiveFiles> {
  let stat;
  try {
    stat = await fs.stat(source);
  } catch {
    throw new ArchiveError(`Cannot read ${source}: no such file or directory`);
  }
  if (!stat.isDirectory()) {
    try {
      return unpackTar(gunzipSync(await fs.readFile(source)));
    } catch (error) {
      throw new ArchiveError(`${source} is not a .tar.gz archive: ${(error as Error).message}`);
    }
  }
  const files: ArchiveFiles = new Map();
  const walk = async (dir: string, prefix: string): Promise<void> => {
    for (const item of await fs.readdir(dir, { withFileTypes: true })) {
      const name = prefix + item.name;
      if (item.isDirectory()) await walk(path.join(dir, item.name), `${name}/`);
      else if (item.isFile()) files.set(name, await fs.readFile(path.join(dir, item.name)));
    }
  };
  await walk(source, '');
  return files;
}

/** An archive that cannot be written or read as asked: the message is for the user. */
export class ArchiveError extends Error {}
