// `--help` and `-h` on every command and subcommand (issue 17 item 12): the usage on standard
// output, exit 0. Every case runs `main` in-process (help is answered before any setting is read);
// a few run as real processes (`node bin/ghee.js`, the compiled dist/) with an unreachable
// database and an invalid setting, to show the binary's exit code and streams: help needs neither.
import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { loadConfig } from '../src/config.js';
import { BIN } from './helpers/process.js';

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `ghee ...args` in-process, collecting what it writes. */
async function ghee(args: string[]): Promise<Outcome> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io = {
    out: (t: string) => stdout.push(`${t}\n`),
    err: (t: string) => stderr.push(`${t}\n`),
    env: {},
    config: loadConfig({}),
  };
  const code = await main(args, io);
  return { code, stdout: stdout.join(''), stderr: stderr.join('') };
}

/** Runs `ghee ...args` as a real process to its end (within 60 s). */
function gheeProcess(args: string[]): Promise<Outcome> {
  const { DATABASE_URL: _d, DATA_DIR: _dd, PORT: _p, ...env } = process.env;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { env: { ...env, DATABASE_URL: 'postgres://127.0.0.1:1/nowhere', PORT: 'not-a-port' }, timeout: 60_000 },
      (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
    );
  });
}

/** Every command with its subcommands ([] for a command without any). */
const COMMANDS: [string, string[]][] = [
  ['start', []],
  ['serve', []],
  ['migrate', []],
  ['account', ['create', 'list', 'set-plan', 'set-site']],
  ['token', ['create', 'list', 'revoke']],
  ['schema', ['apply', 'export']],
  ['seed', ['demo']],
  ['author', ['create', 'list']],
  ['category', ['list', 'delete']],
  ['tag', ['list', 'delete']],
  ['types', ['generate']],
  ['usage', []],
  ['user', ['create', 'invite', 'list', 'set-password', 'set-operator']],
  ['webhook', ['add', 'list', 'remove', 'test']],
  ['audit', []],
  ['history', ['list', 'show', 'restore']],
  ['trash', ['list', 'restore', 'purge']],
  ['export', []],
  ['import', []],
  ['import-butter', []],
];

/** [argv, what stdout starts with]: each command and subcommand, with each flag. */
const CASES: [string[], string][] = [];
for (const flag of ['--help', '-h']) {
  for (const [command, subs] of COMMANDS) {
    CASES.push([[command, flag], `usage: ghee ${command}`]);
    for (const sub of subs)
      CASES.push([
        [command, sub, flag],
        `usage: ghee ${command} ${sub === 'remove' || sub === 'test' ? 'remove|test' : sub}`,
      ]);
  }
}

describe('ghee --help and -h', () => {
  it.for(CASES)('ghee %j prints its usage on stdout and exits 0', async ([argv, start]) => {
    const out = await ghee(argv);
    expect({ code: out.code, stderr: out.stderr }).toEqual({ code: 0, stderr: '' });
    expect(out.stdout.startsWith(`${start} `) || out.stdout === `${start}\n`, out.stdout).toBe(true);
  });

  it.for([
    [['account', 'create', '--name', 'Acme', '--json', '--help'], 'usage: ghee account create --name NAME'],
    [['-h', 'token'], 'usage: ghee token create'],
    [['user', 'list', '--json', '-h'], 'usage: ghee user list [--account ID] [--json]\n'],
    [['schema', 'apply', '--dry-run', 'schema.json', '--help'], 'usage: ghee schema apply [--account ID]'],
    [['types', 'generate', '--account', '1', '--help'], 'usage: ghee types generate [--account ID] > cms-types.ts\n'],
    [['help', 'webhook'], 'usage: ghee webhook add'],
    [['webhook', 'nonsense', '--help'], 'usage: ghee webhook add'],
  ] as [string[], string][])('ghee %j: help wherever it appears', async ([argv, start]) => {
    const out = await ghee(argv);
    expect({ code: out.code, stderr: out.stderr }).toEqual({ code: 0, stderr: '' });
    expect(out.stdout.startsWith(start), out.stdout).toBe(true);
  });

  it.for([['--help'], ['-h'], ['help'], ['nonsense', '--help']].map((argv) => ({ argv, line: argv.join(' ') })))(
    'ghee $line prints the overview of every command',
    async ({ argv }) => {
      const out = await ghee(argv);
      expect({ code: out.code, stderr: out.stderr }).toEqual({ code: 0, stderr: '' });
      expect(out.stdout.startsWith('usage: ghee <command>\n')).toBe(true);
      const listed = [...out.stdout.matchAll(/^ {2}([a-z-]+) /gm)].map((m) => m[1]);
      expect(listed).toEqual(COMMANDS.map(([command]) => command));
      expect(out.stdout).toContain('ghee <command> --help (or -h) prints');
    },
  );
});

describe.concurrent('ghee --help as a real process', { timeout: 120_000 }, () => {
  it.for([
    [['--help'], 'usage: ghee <command>\n'],
    [['types', 'generate', '--help'], 'usage: ghee types generate [--account ID] > cms-types.ts\n'],
    [['webhook', 'add', '-h'], 'usage: ghee webhook add'],
  ] as [string[], string][])(
    'ghee %j prints its usage on stdout and exits 0, whatever the settings',
    async ([argv, start]) => {
      const out = await gheeProcess(argv);
      expect({ code: out.code, stderr: out.stderr }).toEqual({ code: 0, stderr: '' });
      expect(out.stdout.startsWith(start), out.stdout).toBe(true);
    },
  );
});
