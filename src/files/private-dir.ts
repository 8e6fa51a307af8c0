import fs from 'node:fs';
import path from 'node:path';

/** Folders Ghee creates hold the database, secrets and media: readable by this user only. */
export const PRIVATE_DIR_MODE = 0o700;

/**
 * Creates `dir` and its missing parents (each 0700), leaving existing folders as they are.
 * Node's own `mkdir({ recursive: true })` loops forever where a parent exists but refuses
 * children with ENOENT (a path under /proc): here every folder is created once, and the first
 * failure is thrown as the fs error (code and path), never retried.
 */
export function makePrivateDir(dir: string): void {
  const missing: string[] = [];
  let current = path.resolve(dir);
  for (;;) {
    if (isDirectory(current)) break;
    missing.push(current);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const folder of missing.reverse()) {
    try {
      fs.mkdirSync(folder, { mode: PRIVATE_DIR_MODE });
    } catch (error) {
      // Another process made it meanwhile: as good as made here.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !isDirectory(folder)) throw error;
    }
  }
}

/** True when `file` is a folder; false when it does not exist; a path through a non-folder throws ENOTDIR. */
function isDirectory(file: string): boolean {
  try {
    const stat = fs.statSync(file);
    if (stat.isDirectory()) return true;
    throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${file}'`), {
      code: 'ENOTDIR',
      syscall: 'mkdir',
      path: file,
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
