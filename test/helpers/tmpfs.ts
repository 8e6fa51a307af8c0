import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// A real, tiny file system to fill up: a tmpfs the test mounts and unmounts itself (root only).

export interface Tmpfs {
  dir: string;
  /** Writes a file until the file system is full; returns its path (remove it to make room). */
  fill(): string;
  unmount(): void;
}

/** Mounts a tmpfs of `megabytes` on a new temp folder, or returns null where mounting is not allowed. */
export function mountTmpfs(megabytes: number): Tmpfs | null {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ghee-tmpfs-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m`, 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    fs.rmdirSync(dir);
    return null;
  }
  return {
    dir,
    fill() {
      const file = path.join(dir, `filler-${Date.now()}`);
      const fd = fs.openSync(file, 'w');
      const block = Buffer.alloc(64 * 1024, 1);
      try {
        for (;;) fs.writeSync(fd, block);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
      } finally {
        fs.closeSync(fd);
      }
      // The last partial blocks too, so that not even a page is left.
      const small = fs.openSync(file, 'a');
      try {
        for (;;) fs.writeSync(small, Buffer.alloc(512, 1));
      } catch {
        // full
      } finally {
        fs.closeSync(small);
      }
      return file;
    },
    unmount() {
      execFileSync('umount', ['-l', dir], { stdio: 'ignore' });
      fs.rmdirSync(dir);
    },
  };
}

/** True where this process may mount (the check mounts and unmounts a tmpfs). */
export function canMount(): boolean {
  const probe = mountTmpfs(1);
  probe?.unmount();
  return probe !== null;
}
