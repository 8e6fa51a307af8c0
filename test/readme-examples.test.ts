// The README's examples are executable truth (issue 17 item 10): every `sh` block runs, in README
// order, in bash against a fresh `ghee start` (port 0, a new DATA_DIR, on each database), each
// curl must answer 2xx and each command exit 0. The substitutions are the reader's: the address
// (http://localhost:8080 -> the port bound), the demo tokens the start printed for `ghee_r_...`
// and `ghee_w_...`, and a receiver on this machine for the webhook URL (with
// WEBHOOK_ALLOW_PRIVATE=true, as the README says). `npx ghee` runs bin/ghee.js, which is what npx
// resolves it to in the repository (the first test checks that with the real npx).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from './helpers/databases.js';
import { BIN } from './helpers/process.js';
import { README, readmeBlocks } from './helpers/readme-blocks.js';
import { startGhee, type StartedGhee } from './helpers/start-process.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BLOCKS = readmeBlocks();
const RUNNABLE = BLOCKS.filter((b) => b.lang === 'sh' && !b.notRun);
/** Shell variables the README's examples set, carried from one block to the next as a reader's shell would. */
const VARIABLES = [
  ...new Set(RUNNABLE.flatMap((b) => [...b.code.matchAll(/(?:^|[;\s])([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]!))),
];

/** What runs before each block: strict bash, curl that fails on an HTTP error, `npx ghee`, the variables so far. */
const PRELUDE = `set -eEo pipefail
shopt -s inherit_errexit
trap 'echo "README example failed (exit $?): $BASH_COMMAND" >&2' ERR
curl() { command curl --silent --show-error --fail-with-body --max-time 30 "$@"; echo; }
npx() { if [ "$1" = ghee ]; then shift; node "$GHEE_BIN" "$@"; else echo "not an npx ghee command: npx $*" >&2; return 127; fi; }
if [ -f "$README_STATE" ]; then source "$README_STATE"; fi
`;
const EPILOGUE = `\nfor v in ${VARIABLES.join(' ')}; do declare -p "$v" 2>/dev/null || true; done > "$README_STATE"\n`;

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a bash script in `cwd` (within 170 s). */
function bash(script: string, cwd: string, env: NodeJS.ProcessEnv): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = spawn('bash', ['-c', script], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 170_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

it('the examples are there to run: curl, `npx ghee` and the few marked "not run"', () => {
  expect(RUNNABLE.length).toBeGreaterThanOrEqual(8);
  expect(RUNNABLE.some((b) => /^curl /m.test(b.code)) && RUNNABLE.some((b) => /^npx ghee /m.test(b.code))).toBe(true);
  expect(BLOCKS.filter((b) => b.notRun).map((b) => b.notRun)).toEqual([
    'installs and starts Ghee itself',
    'needs a ButterCMS account',
    'packs the client (test/readme-clients.test.ts does, in a temporary folder)',
  ]);
});

it("`npx ghee` in the repository is this repository's CLI (the real npx, nothing installed)", () => {
  // An empty npm cache of its own: what the machine's holds (a half-written npx entry of another
  // package named ghee) is no part of what a fresh clone gets.
  const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'ghee-npx-cache-'));
  try {
    const env = { ...process.env, npm_config_cache: cache };
    const out = spawnSync('npx', ['--no-install', 'ghee', '--help'], {
      cwd: ROOT,
      env,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect({ status: out.status, stderr: out.stderr }).toEqual({ status: 0, stderr: '' });
    expect(out.stdout.startsWith('usage: ghee <command>\n')).toBe(true);
  } finally {
    fs.rmSync(cache, { recursive: true, force: true });
  }
});

it('names the CLI `npx ghee` everywhere, never a bare `ghee` (not installed on the PATH)', () => {
  const text = fs.readFileSync(README, 'utf8');
  expect(text.match(/`ghee [^`]*`/g) ?? []).toEqual([]);
  expect(BLOCKS.filter((b) => b.lang === 'sh' && /^\s*ghee /m.test(b.code)).map((b) => b.line)).toEqual([]);
});

it("names the dashboard's screens as its menu does", () => {
  const menu = [
    ...fs
      .readFileSync(path.join(ROOT, 'admin', 'src', 'app.tsx'), 'utf8')
      .matchAll(/\{ to: '[^']+', label: '([^']+)' \}/g),
  ].map((m) => m[1]);
  const text = fs.readFileSync(README, 'utf8');
  const section = text.slice(
    text.indexOf('\n## Dashboard\n'),
    text.indexOf('\n## ', text.indexOf('\n## Dashboard\n') + 5),
  );
  const named = [
    ...[...section.matchAll(/^- \*\*(.+?)\*\*/gm)].map((m) => m[1]),
    ...[
      ...text.matchAll(/dashboard's \*\*(.+?)\*\*|\*\*([^*]+)\*\* in its menu|under \*\*([^*]+)\*\* in the dashboard/g),
    ].map((m) => m[1] ?? m[2] ?? m[3]),
  ];
  expect(named.length).toBeGreaterThan(8);
  expect(named.filter((name) => !menu.includes(name!))).toEqual([]);
  expect(text).not.toMatch(/Settings > (Users|Webhooks|Site)\b|\*\*Settings > /);
});

describe.each(DIALECTS)('the README examples against `ghee start` (%s)', (dialect) => {
  let database: TestDatabase;
  let dataDir: string;
  let workDir: string;
  let ghee: StartedGhee;
  let receiver: http.Server;
  let hook: string;
  let env: NodeJS.ProcessEnv;
  let port: string;
  let tokens: { read: string; write: string };

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ghee-readme-data-'));
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ghee-readme-cwd-'));
    receiver = http.createServer((req, res) => req.resume().on('end', () => res.writeHead(204).end()));
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    hook = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/hooks/ghee`;
    const settings = {
      DATA_DIR: dataDir,
      WEBHOOK_ALLOW_PRIVATE: 'true',
      ...(dialect === 'postgres' && { DATABASE_URL: database.url }),
    };
    ghee = await startGhee({ ...settings, PORT: '0', LOG_LEVEL: 'warn' });
    port = /API: http:\/\/localhost:(\d+)\/v2\//.exec(ghee.banner)![1]!;
    tokens = {
      read: /Demo read token: +(\S+)/.exec(ghee.banner)![1]!,
      write: /Demo write token: +(\S+)/.exec(ghee.banner)![1]!,
    };
    const {
      PORT: _p,
      HOST: _h,
      PUBLIC_URL: _u,
      DATABASE_URL: _d,
      DATA_DIR: _dd,
      LOG_LEVEL: _l,
      ...inherited
    } = process.env;
    env = { ...inherited, ...settings, GHEE_BIN: BIN, README_STATE: path.join(workDir, '.readme-state.sh') };
  }, 60_000);

  afterAll(async () => {
    await ghee?.stop();
    await new Promise((resolve) => receiver?.close(resolve));
    await database?.drop();
    for (const dir of [dataDir, workDir]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("the demo account is account 1, as the README's CLI examples say", () => {
    expect(JSON.parse(fs.readFileSync(path.join(dataDir, 'demo-credentials.json'), 'utf8')).account_id).toBe(1);
  });

  it.for(RUNNABLE)(
    'README line $line runs: every curl 2xx, every command exit 0',
    { timeout: 180_000 },
    async (block) => {
      const code = block.code
        .replaceAll('localhost:8080', `localhost:${port}`)
        .replaceAll('ghee_r_...', tokens.read)
        .replaceAll('ghee_w_...', tokens.write)
        .replaceAll('HOOK=https://example.com/hooks/ghee', `HOOK=${hook}`);
      const out = await bash(PRELUDE + code + EPILOGUE, workDir, env);
      expect(out.code, `README line ${block.line}:\n${out.stdout}\n${out.stderr}`).toBe(0);
    },
  );
});
