// Whether a command line asks for help, known before any command module is loaded (main.ts loads
// only the command it runs, and help.ts, with every usage, only when help is asked for).

const HELP_FLAGS = new Set(['--help', '-h']);

/** The arguments that are options or words, not operands after `--`. */
export const beforeOperands = (argv: string[]) => (argv.includes('--') ? argv.slice(0, argv.indexOf('--')) : argv);

/**
 * True when `--help` or `-h` stands anywhere among the arguments (before `--`): the command then
 * prints its usage and exits 0, whatever else was given. A flag's value cannot be either of them
 * (parseArgs calls `--name -h` ambiguous), so this takes nothing from a valid command line.
 */
export function asksForHelp(argv: string[]): boolean {
  return beforeOperands(argv).some((a) => HELP_FLAGS.has(a));
}
