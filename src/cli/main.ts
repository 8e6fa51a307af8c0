import { configurePlans } from '../accounts/plans.js';
import { configureHtmlLimits } from '../content/write/html-limits.js';
import { configureSvgLimits } from '../media/svg/svg-limits.js';
import { configureTrashDays } from '../history/trash/trash-days.js';
import { loadConfig } from '../config.js';
import type { Store } from '../store/database.js';
import { accountCommand } from './account-command.js';
import { auditCommand } from './audit-command.js';
import { authorCommand } from './author-command.js';
import { exportCommand } from './export-command.js';
import { historyCommand } from './history-command.js';
import { importButterCommand } from './import-butter-command.js';
import { importCommand } from './import-command.js';
import { asksForHelp, helpText } from './help.js';
import { CliError, type CliIo } from './io.js';
import { openDatabase } from './open-database.js';
import { schemaCommand } from './schema-command.js';
import { seedCommand } from './seed-command.js';
import { termCommand } from './term-command.js';
import { migrateCommand, serveCommand, startCommand } from './serve-command.js';
import { tokenCommand } from './token-command.js';
import { trashCommand } from './trash-command.js';
import { typesCommand } from './types-command.js';
import { usageCommand } from './usage-command.js';
import { userCommand } from './user-command.js';
import { webhookCommand } from './webhook-command.js';

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

/** Commands that work on an open, migrated database. */
const STORE_COMMANDS: Record<string, (args: string[], io: CliIo, store: Store) => Promise<number>> = {
  account: accountCommand,
  token: tokenCommand,
  schema: schemaCommand,
  seed: seedCommand,
  types: typesCommand,
  usage: usageCommand,
  author: authorCommand,
  category: termCommand('categories'),
  tag: termCommand('tags'),
  user: userCommand,
  webhook: webhookCommand,
  history: historyCommand,
  audit: auditCommand,
  trash: trashCommand,
  export: exportCommand,
  import: importCommand,
  'import-butter': importButterCommand,
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
    if (command === 'start') return await startCommand(args, io);
    if (command === 'serve') return await serveCommand(args, io);
    if (command === 'migrate') return await migrateCommand(args, io);
    const run = command ? STORE_COMMANDS[command] : undefined;
    if (!run) {
      io.err(USAGE);
      return command === undefined ? 0 : 2;
    }
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
