import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIALECTS, type DialectUnderTest } from './helpers/databases.js';
import {
  cliEnv,
  PROCESS_TIMEOUT,
  READ_TOKEN,
  useCli,
  within,
  WRITE_TOKEN,
  type Workspace,
} from './helpers/cli-workspace.js';
import { BIN, freePort } from './helpers/process.js';

// `ghee start` as a real process (docs/api.md §10): the demo seeded on first run, a curl command
// that works, a clean stop on SIGTERM, and a second start that reuses the demo.

/** The demo tokens and curl URL a start banner prints. */
function tokensIn(banner: string) {
  const read = /Demo read token:\s+(\S+)/.exec(banner)?.[1];
  const write = /Demo write token:\s+(\S+)/.exec(banner)?.[1];
  const curl = /curl '([^']+)'/.exec(banner)?.[1];
  return { read, write, curl };
}

describe.each(DIALECTS)('ghee start, a real process (%s)', (dialect: DialectUnderTest) => {
  const { children, workspace, runProcess } = useCli(dialect);

  /** Starts `ghee start` on a free port; resolves with the banner once it is printed. */
  async function start(ws: Workspace) {
    const port = await freePort();
    const child = spawn(process.execPath, [BIN, 'start'], {
      cwd: ws.dataDir,
      env: cliEnv(ws, { PORT: String(port), LOG_LEVEL: 'warn' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let stderr = '';
    let stdout = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    const banner = await within(
      PROCESS_TIMEOUT,
      new Promise<string>((resolve, reject) => {
        child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
          stderr += chunk;
          if (stderr.includes('Stop with Ctrl-C.')) resolve(stderr);
        });
        void exited.then(({ code }) => reject(new Error(`ghee start exited early (${code}):\n${stderr}\n${stdout}`)));
      }),
      'the ghee start banner',
    );
    return { child, port, banner, exited, output: () => ({ stdout, stderr }) };
  }

  async function stop(started: Awaited<ReturnType<typeof start>>) {
    started.child.kill('SIGTERM');
    return within(10_000, started.exited, 'ghee start to stop after SIGTERM');
  }

  it('seeds the demo on first run, prints a working curl command, stops cleanly on SIGTERM; a second start reuses it', async () => {
    const ws =
      dialect === 'sqlite'
        ? // SQLite: no DATABASE_URL at all, the default database inside DATA_DIR.
          { ...(await workspace()), databaseUrl: '' }
        : await workspace();

    const first = await start(ws);
    const { read: readToken, write: writeToken, curl } = tokensIn(first.banner);
    expect(readToken).toMatch(READ_TOKEN);
    expect(writeToken).toMatch(WRITE_TOKEN);
    expect(first.banner).toContain(`API: http://localhost:${first.port}/v2/`);
    expect(curl).toBe(`http://localhost:${first.port}/v2/pages/*/homepage/?auth_token=${readToken}`);

    const res = await fetch(curl!, { signal: AbortSignal.timeout(10_000) });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const home = (await res.json()) as any;
    expect(home.data).toMatchObject({ slug: 'homepage', name: 'Homepage', page_type: null, status: 'published' });
    expect(home.data.fields.headline).toBe('Welcome to Ghee');
    expect(home.data.fields.featured).toMatchObject({ slug: 'launch', fields: { headline: 'Ghee has launched' } });

    expect(await stop(first)).toEqual({ code: 0, signal: null });
    if (dialect === 'sqlite') expect(fs.existsSync(path.join(ws.dataDir, 'ghee.db'))).toBe(true);
    const credentials = path.join(ws.dataDir, 'demo-credentials.json');
    expect(fs.statSync(credentials).mode & 0o777).toBe(0o600);

    const second = await start(ws);
    const again = tokensIn(second.banner);
    // The write token is printed by the start that made it only (test/first-start.test.ts).
    expect(again).toEqual({
      read: readToken,
      write: undefined,
      curl: `http://localhost:${second.port}/v2/pages/*/homepage/?auth_token=${readToken}`,
    });
    expect(second.banner).not.toContain(writeToken);
    const res2 = await fetch(again.curl!, { signal: AbortSignal.timeout(10_000) });
    expect(res2.status).toBe(200);
    expect(((await res2.json()) as any).data.slug).toBe('homepage');
    expect(await stop(second)).toEqual({ code: 0, signal: null });

    const accounts = await runProcess(ws, ['account', 'list', '--json']);
    expect(accounts.code).toBe(0);
    expect(JSON.parse(accounts.stdout)).toEqual([expect.objectContaining({ name: 'Demo', plan: 'enterprise' })]);
  }, 90_000);
});
