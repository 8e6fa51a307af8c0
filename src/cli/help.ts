import { beforeOperands } from './help-flags.js';
import { USAGE as ACCOUNT } from './account-command.js';
import { USAGE as AUDIT } from './audit-command.js';
import { USAGE as AUTHOR } from './author-command.js';
import { USAGE as EXPORT } from './export-command.js';
import { USAGE as HISTORY } from './history-command.js';
import { USAGE as IMPORT_BUTTER } from './import-butter-command.js';
import { USAGE as IMPORT } from './import-command.js';
import { APPLY_USAGE, EXPORT_USAGE } from './schema-command.js';
import { USAGE as SEED } from './seed-command.js';
import { MIGRATE_USAGE, SERVE_USAGE, START_USAGE } from './serve-command.js';
import { termUsage } from './term-command.js';
import { USAGE as TOKEN } from './token-command.js';
import { USAGE as TRASH } from './trash-command.js';
import { USAGE as TYPES } from './types-command.js';
import { USAGE as USAGE_COMMAND } from './usage-command.js';
import { USAGE as USER } from './user-command.js';
import { USAGE as WEBHOOK } from './webhook-command.js';

/** Every command's usage, its forms separated by ` | ` as in its usage errors. */
const COMMAND_USAGE: Record<string, string> = {
  start: START_USAGE,
  serve: SERVE_USAGE,
  migrate: MIGRATE_USAGE,
  account: ACCOUNT,
  token: TOKEN,
  schema: `${APPLY_USAGE} | ${EXPORT_USAGE}`,
  seed: SEED,
  author: AUTHOR,
  category: termUsage('categories'),
  tag: termUsage('tags'),
  types: TYPES,
  usage: USAGE_COMMAND,
  user: USER,
  webhook: WEBHOOK,
  history: HISTORY,
  audit: AUDIT,
  trash: TRASH,
  export: EXPORT,
  import: IMPORT,
  'import-butter': IMPORT_BUTTER,
};

/**
 * What `ghee [help] <command> [<subcommand>] --help` prints: the command's usage, narrowed to the
 * subcommand when one is named; the overview for no command or an unknown one.
 */
export function helpText(argv: string[], overview: string): string {
  const words = beforeOperands(argv).filter((a) => !a.startsWith('-'));
  const [command, sub] = words[0] === 'help' ? words.slice(1) : words;
  const forms = command === undefined ? undefined : COMMAND_USAGE[command]?.split(/ \| (?=ghee )/);
  if (!forms) return overview;
  const named = forms.filter((form) => sub !== undefined && (form.split(' ')[2] ?? '').split('|').includes(sub));
  return (named.length ? named : forms).map((form, i) => `${i === 0 ? 'usage: ' : '       '}${form}`).join('\n');
}
