import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Files Ghee writes (the database, its -wal and -shm, credentials, media): this user only. */
export const PRIVATE_FILE_MODE = 0o600;

/**
 * Writes `text` to `file` readable by this user only, whatever the umask and whatever mode an
 * older file had: a temp file made 0600, then renamed over the old one.
 */
export function writePrivateFile(file: string, text: string): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    fs.writeFileSync(temp, text, { mode: PRIVATE_FILE_MODE, flag: 'wx' });
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

/**
 * Takes group and other permissions off an existing file of Ghee's (an install made before files
 * were created 0600). A file that is not there, or not this user's to change, is left alone.
 */
export function restrictFile(file: string): void {
  try {
    const { mode } = fs.statSync(file);
    if ((mode & 0o077) !== 0) fs.chmodSync(file, mode & 0o700);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'EPERM') throw error;
  }
}
