// The CLI's own error lines (src/cli's CliError): a flag or an operand it cannot use, or a thing
// named that does not exist. The usage lines themselves are the commands' (src/cli/help.ts).
export const cliMessages = {
  usage: (line: string) => `usage: ${line}`,
  wholeNumber: (flag: string, raw: string) => `${flag} takes a whole number, not "${raw}"`,
  month: (raw: string) => `--month takes YYYY-MM, not "${raw}"`,
  headerFormat: (raw: string) => `"${raw}" is not Name:value`,
  noToken: 'No active token matches that token or id',
  noUser: (email: string) => `No user with the email ${email}`,
  noWebhook: (accountId: number, id: number) => `Account ${accountId} has no webhook ${id}`,
  noTerm: (accountId: number, noun: string, slug: string) =>
    `Account ${accountId} has no ${noun} with the slug "${slug}"`,
  noTrashRow: (accountId: number, id: string) => `Account ${accountId} has no trash row ${id}`,
  noVersion: (accountId: number, id: number) => `Account ${accountId} has no version ${id}`,
  limitRange: (raw: string) => `--limit takes a whole number from 1 to 100, not "${raw}"`,
  webhooksUnavailable: (reason: string, accountId: number) =>
    `${reason}: webhooks are not available to account ${accountId}`,
  /** Why a file could not be read, by the error's code; other codes show the system's message. */
  readReasons: { ENOENT: 'no such file', EISDIR: 'it is a directory', EACCES: 'permission denied' } as Readonly<
    Record<string, string>
  >,
  cannotRead: (file: string, reason: string) => `Cannot read ${file}: ${reason}`,
  notJson: (file: string, reason: string) => `${file} is not valid JSON: ${reason}`,
  allowDataLoss: 'Run again with --allow-data-loss to apply them.',
} as const;
