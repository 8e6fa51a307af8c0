import { describe, expect, it } from 'vitest';
import { DIALECTS, type DialectUnderTest } from './helpers/databases.js';
import { useCli } from './helpers/cli-workspace.js';

// A command or subcommand `ghee` does not know exits 2 with the usage on stderr (docs/api.md §10).

describe.each(DIALECTS)('ghee with an unknown command (%s)', (dialect: DialectUnderTest) => {
  const { workspace, run, runProcess } = useCli(dialect);

  it('an unknown command exits 2 with the usage on stderr, in-process', async () => {
    const ws = await workspace();
    const inProcess = await run(ws, ['frobnicate']);
    expect(inProcess.code).toBe(2);
    expect(inProcess.out).toEqual([]);
    expect(inProcess.stderr).toMatch(/^usage: ghee <command>/);
    expect(inProcess.stderr).toContain('account create|list');
  });

  it('an unknown command exits 2 with the usage on stderr, as a process', async () => {
    const ws = await workspace();
    const real = await runProcess(ws, ['frobnicate', '--json']);
    expect(real.code).toBe(2);
    expect(real.stdout).toBe('');
    expect(real.stderr).toMatch(/^usage: ghee <command>/);
  });

  it('an unknown subcommand exits 2 with the usage of its command', async () => {
    const ws = await workspace();
    const unknownSub = await run(ws, ['account', 'delete']);
    expect(unknownSub.code).toBe(2);
    expect(unknownSub.stderr).toContain('usage: ghee account create');
  });
});
