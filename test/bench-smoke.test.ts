import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * The benchmark is not a test and CI does not run it, but it must keep working: this runs its
 * smoke mode (small data set, one short run per scenario, SQLite, against the compiled dist/),
 * which exits non-zero when any scenario gets a non-2xx answer, a connection error or a crash.
 */
describe('bench smoke', () => {
  it('runs every scenario without an error and prints the table', async () => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bench', 'run.js'), '--smoke'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    // Its servers exit when run.js does (they watch their stdin), so a kill leaves nothing behind.
    const timer = setTimeout(() => child.kill('SIGKILL'), 115_000);
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    clearTimeout(timer);
    expect(code, stderr).toBe(0);
    expect(stdout).toContain('| figure | load | SQLite | ratio to bare | PostgreSQL | ratio to bare |');
    for (const figure of [
      'bare node:http',
      'cached single page',
      'levels=5',
      'collection list',
      'post list',
      'durable page create',
      'peak RSS',
    ]) {
      expect(stdout).toContain(figure);
    }
  }, 120_000);
});
