// What `ghee import` and `ghee import-butter` say when they cannot go on: the source's answers
// (src/migrate-butter/butter-client.ts's SourceError) and the commands' own error lines.
export const importMessages = {
  /** The source's status and the start of its answer, which usually says why. */
  sourceAnswered: (path: string, status: number, text: string) =>
    `GET ${path} answered ${status}: ${text.slice(0, 200)}`,
  sourceNotJson: (path: string) => `GET ${path} did not answer JSON`,
  sourceUnreachable: (baseUrl: string, reason: string) => `Cannot reach ${baseUrl}: ${reason}; run again to resume`,
  schemaUnreadable: (file: string, reason: string) => `Cannot read the schema ${file}: ${reason}`,
  // Said under the command's usage line.
  accountFlagsExclusive: '--account and --new-account exclude each other',
  onConflictChoice: '--on-conflict takes skip or replace',
  baseUrlScheme: '--base-url must be an http(s) URL',
} as const;
