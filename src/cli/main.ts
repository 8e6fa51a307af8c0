import { configurePlans } from '../accounts/plans.js';
import { configureHtmlLimits } from '../content/write/html-limits.js';
import { configureSvgLimits } from '../media/svg/svg-limits.js';
import { configureTrashDays } from '../history/trash/trash-days.js';
import { loadConfig } from '../config.js';
import type { Store } from '../store/database.js';
import { asksForHelp } from './help-flags.js';
import { CliError, type CliIo } from './io.js';
import { openDatabase } from './open-database.js';

const USAGE = `usage: ghee <command>
  start [--port N]          migrate, seed the demo account on first run, serve
  serve [--port N]          migrate and serve
  migrate                   migrate the database and exit
  account create|list|set-plan|set-site  accounts, plans, the feeds' site URL and title
  token create|list|revoke  API tokens
  schema apply|export       content schema as code
  seed demo                 create a demo account
  author create|list        blog authors
  category list|delete      blog categories (delete: an unused one)
  tag list|delete           blog tags (delete: an unused one)
  types generate            TypeScript interfaces for the schema
  usage [--month YYYY-MM]   API calls of a billing month
  user create|invite|list|set-password|set-operator  dashboard users
  webhook add|list|remove|test  webhooks (add prints the signing secret once)
  audit [--since 7d]        the account's audit log, newest first
  history list|show|restore  versions of a page, item or post; restore one
  trash list|restore|purge  deleted pages, items and posts (restorable for TRASH_DAYS)
  export [--out FILE]       the whole account as one archive (.tar.gz or directory)
  import FILE               restore an archive into an account
  import-butter --token T   copy a ButterCMS (or compatible) account into Ghee
ghee <command> --help (or -h) prints a command's usage.`;

type StoreCommand = (args: string[], io: CliIo, store: Store) => Promise<number>;

/**
 * Commands that work on an open, migrated database, each loaded when it runs: a command starts
 * without loading the server, the image pipeline or the importers it does not use.
 */
const STORE_COMMANDS: Record<string, () => Promise<StoreCommand>> = {
  account: async () => (await import('./account-command.js')).accountCommand,
  token: async () => (await import('./token-command.js')).tokenCommand,
  schema: async () => (await import('./schema-command.js')).schemaCommand,
  seed: async () => (await import('./seed-command.js')).seedCommand,
  types: async () => (await import('./types-command.js')).typesCommand,
  usage: async () => (await import('./usage-command.js')).usageCommand,
  author: async () => (await import('./author-command.js')).authorCommand,
  category: async () => (await import('./term-command.js')).termCommand('categories'),
  tag: async () => (await import('./term-command.js')).termCommand('tags'),
  user: async () => (await import('./user-command.js')).userCommand,
  webhook: async () => (await import('./webhook-command.js')).webhookCommand,
  history: async () => (await import('./history-command.js')).historyCommand,
  audit: async () => (await import('./audit-command.js')).auditCommand,
  trash: async () => (await import('./trash-command.js')).trashCommand,
  export: async () => (await import('./export-command.js')).exportCommand,
  import: async () => (await import('./import-command.js')).importCommand,
  'import-butter': async () => (await import('./import-butter-command.js')).importButterCommand,
};

function processIo(): CliIo {
  return {
    out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
    err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
    env: process.env,
    config: loadConfig(),
  };
}

/** Runs one CLI command and returns its exit code. */
export async function main(argv: string[], given?: CliIo): Promise<number> {
  const [command, ...args] = argv;
  // Before the settings are read: help needs no database, and a bad setting does not hide it.
  if (asksForHelp(argv) || command === 'help') {
    const { helpText } = await import('./help.js');
    (given?.out ?? ((text: string) => process.stdout.write(`${text}\n`)))(helpText(argv, USAGE));
    return 0;
  }
  let io = given;
  try {
    // Inside the try: a bad setting (PORT=abc) is one `ghee:` line, not a stack trace.
    io ??= processIo();
    configurePlans(io.config.plansFile);
    configureHtmlLimits({ maxBytes: io.config.htmlMaxBytes, maxDepth: io.config.htmlMaxDepth });
    configureSvgLimits({ maxBytes: io.config.svgMaxBytes });
    configureTrashDays(io.config.trashDays);
    if (command === 'start' || command === 'serve' || command === 'migrate') {
      const serving = await import('./serve-command.js');
      const run = { start: serving.startCommand, serve: serving.serveCommand, migrate: serving.migrateCommand }[
        command
      ];
      return await run(args, io);
    }
    const load = command ? STORE_COMMANDS[command] : undefined;
    if (!load) {
      io.err(USAGE);
      return command === undefined ? 0 : 2;
    }
    const run = await load();
    const { store } = await openDatabase(io.config);
    try {
      return await run(args, io, store);
    } finally {
      await store.close();
    }
  } catch (error) {
    const err = io?.err ?? ((text: string) => process.stderr.write(`${text}\n`));
    if (error instanceof CliError) {
      err(error.message);
      return error.exitCode;
    }
    err(`ghee: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
