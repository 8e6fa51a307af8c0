import fs from 'node:fs';
import path from 'node:path';
import { makePrivateDir } from '../files/private-dir.js';
import { PRIVATE_FILE_MODE, restrictFile } from '../files/private-file.js';

/**
 * Makes a SQLite database file ready to open, readable by this user only (it holds token hashes,
 * password hashes, webhook secrets and their custom headers): its folder is created 0700, the
 * file 0600 before SQLite opens it (SQLite gives the -wal and -shm files the database file's
 * mode), and the files of an older install are restricted to 0600. A folder or file that cannot
 * be made or written throws the fs error with its path, where SQLite would only say "unable to
 * open database file".
 */
export function prepareSqliteFile(file: string): void {
  const resolved = path.resolve(file);
  const dir = path.dirname(resolved);
  makePrivateDir(dir);
  // WAL mode creates the -wal and -shm files next to the database: the folder must be writable.
  fs.accessSync(dir, fs.constants.W_OK);
  fs.closeSync(fs.openSync(resolved, 'a', PRIVATE_FILE_MODE));
  for (const own of [resolved, `${resolved}-wal`, `${resolved}-shm`]) restrictFile(own);
}
