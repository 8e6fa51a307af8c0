import { loadConfig } from '../config.js';
import { CliError, type CliIo } from './io.js';

/** Runs one CLI command and returns its exit code. */
export async function main(argv: string[], io?: CliIo): Promise<number> {
  const cli = io ?? {
    out: (t: string) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
    err: (t: string) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
    env: process.env,
    config: loadConfig(),
  };
  try {
    void argv;
    return 0;
  } catch (error) {
    if (error instanceof CliError) {
      cli.err(error.message);
      return error.exitCode;
    }
    throw error;
  }
}
