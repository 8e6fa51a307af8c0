import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Config } from '../config.js';
import { cliMessages } from '../errors/index.js';

/** Where a CLI command writes: stdout carries results (one JSON document with --json), stderr the rest. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
  config: Config;
  /** All of standard input (`--password-stdin`); the process's own when absent. */
  stdin?: () => Promise<string>;
}

/** A failure the user can fix: printed without a stack, exit code 1 (2 for usage errors). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export function usage(line: string): CliError {
  return new CliError(cliMessages.usage(line), 2);
}

/** Parses flags strictly; a wrong flag is a usage error naming the command's usage line. */
export function parseFlags<const T extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: T,
  line: string,
) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: true });
  } catch (error) {
    throw usage(`${line}\n${(error as Error).message}`);
  }
}
