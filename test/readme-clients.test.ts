// The README's two client snippets, run as written (issue 17 item 11): the official `buttercms`
// client with its fetch wrapper, and `@ghee/client` packed with `npm pack` from client/'s sources
// (prepack builds it), installed from the tarball into a new project (`npm install <file>
// --offline`: it has no dependencies) and imported from an ES module. Both read the demo homepage
// from a real Ghee server on each database. The substitutions are the reader's: the address and
// the demo tokens.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoHomepage } from '../src/seed/demo-content.js';
import { DIALECTS } from './helpers/databases.js';
import { readmeBlocks } from './helpers/readme-blocks.js';
import { demoSocketServer, type SocketServer } from './helpers/socket-server.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN_PATH = `${path.join(ROOT, 'node_modules', '.bin')}${path.delimiter}${process.env.PATH ?? ''}`;

/** The README's `js` block that imports `from`. */
function snippet(from: string): string {
  const blocks = readmeBlocks().filter(
    (b) =>
      b.lang === 'js' &&
      b.code.split('\n').some((l) => l.startsWith('import ') && l.split(' from ')[1]?.startsWith(`'${from}';`)),
  );
  expect(blocks, `README has one js block importing ${from}`).toHaveLength(1);
  return blocks[0]!.code;
}

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a program to its end (within 120 s). */
function run(file: string, args: string[], cwd: string): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(file, args, { cwd, env: { ...process.env, PATH: BIN_PATH }, timeout: 120_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
    );
  });
}

let work: string;
let tarball: string;
let project: string;

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'ghee-readme-clients-'));
  // client/ as a fresh clone has it: sources, no dist/.
  const pkg = path.join(work, 'client');
  for (const entry of ['package.json', 'tsconfig.json', 'README.md', 'src'])
    fs.cpSync(path.join(ROOT, 'client', entry), path.join(pkg, entry), { recursive: true });
  const packed = await run('npm', ['pack', '--pack-destination', work, '--cache', path.join(work, 'npm-cache')], pkg);
  expect(packed.code, packed.stderr).toBe(0);
  tarball = path.join(work, packed.stdout.trim().split('\n').at(-1)!);
  project = path.join(work, 'project');
  fs.mkdirSync(project);
  fs.writeFileSync(
    path.join(project, 'package.json'),
    JSON.stringify({ name: 'my-site', private: true, type: 'module' }),
  );
  const installed = await run(
    'npm',
    ['install', tarball, '--offline', '--no-audit', '--no-fund', '--cache', path.join(work, 'npm-cache')],
    project,
  );
  expect(installed.code, installed.stderr).toBe(0);
  // The buttercms snippet's project: the repository's own copy of the official client.
  fs.mkdirSync(path.join(work, 'butter'));
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(work, 'butter', 'node_modules'));
}, 240_000);

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

it('npm pack makes ghee-client-<version>.tgz with the built entry point and its types, and nothing else', async () => {
  const version = JSON.parse(fs.readFileSync(path.join(ROOT, 'client', 'package.json'), 'utf8')).version as string;
  expect(path.basename(tarball)).toBe(`ghee-client-${version}.tgz`);
  const listed = await run('tar', ['tzf', tarball], work);
  const files = listed.stdout.trim().split('\n');
  expect(files).toEqual(
    expect.arrayContaining([
      'package/package.json',
      'package/README.md',
      'package/dist/index.js',
      'package/dist/index.d.ts',
    ]),
  );
  expect(files.filter((f) => !/^package\/(package\.json|README\.md|dist\/.+)$/.test(f))).toEqual([]);
});

it('the installed package type-checks in a TypeScript project (its types resolve through exports)', async () => {
  fs.writeFileSync(
    path.join(project, 'check.ts'),
    "import Butter, { ButterCMSError } from '@ghee/client';\nconst butter = Butter('t', { baseUrl: 'http://localhost:8080/v2' });\nexport const read: Promise<unknown> = butter.page.retrieve('*', 'homepage');\nexport const isError = (e: unknown) => e instanceof ButterCMSError;\n",
  );
  fs.writeFileSync(
    path.join(project, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        module: 'nodenext',
        moduleResolution: 'nodenext',
        target: 'es2022',
        strict: true,
        noEmit: true,
        lib: ['es2022', 'dom'],
        types: [],
      },
      files: ['check.ts'],
    }),
  );
  const checked = await run('tsc', ['-p', 'tsconfig.json'], project);
  expect(checked.code, checked.stdout).toBe(0);
});

describe.each(DIALECTS)('the README client snippets against Ghee (%s)', (dialect) => {
  let server: SocketServer;
  beforeAll(async () => {
    server = await demoSocketServer(dialect);
  });
  afterAll(async () => server?.close());

  /** A snippet as a reader adapts it: this server's address, the demo tokens. */
  const adapted = (code: string) =>
    code
      .replaceAll('http://localhost:8080', server.url)
      .replaceAll('ghee_r_...', server.demo.read_token)
      .replaceAll('ghee_w_...', server.demo.write_token);

  it('the buttercms snippet reads the homepage through the official client', async () => {
    const file = path.join(work, 'butter', `${dialect}.mjs`);
    fs.writeFileSync(file, adapted(snippet('buttercms')));
    const out = await run(process.execPath, [file], path.dirname(file));
    expect({ code: out.code, stderr: out.stderr, stdout: out.stdout }).toEqual({
      code: 0,
      stderr: '',
      stdout: `${demoHomepage.en.headline}\n`,
    });
  });

  it('the @ghee/client snippet, installed from the tarball, reads the homepage', async () => {
    const file = path.join(project, `${dialect}.mjs`);
    fs.writeFileSync(file, adapted(snippet('@ghee/client')));
    const out = await run(process.execPath, [file], project);
    expect({ code: out.code, stderr: out.stderr, stdout: out.stdout }).toEqual({
      code: 0,
      stderr: '',
      stdout: `${demoHomepage.en.headline}\n`,
    });
  });
});
