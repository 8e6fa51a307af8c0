/** Why a schema document was refused: `invalid` document, content it would `lose`, or a plan limit. */
export type SchemaErrorCode = 'invalid' | 'data_loss' | 'plan_limit' | 'no_account';

/**
 * A schema apply that cannot go ahead. `errors` holds one line per problem, each naming the path
 * it is about, so the CLI and the admin API can show them all at once.
 */
export class SchemaError extends Error {
  constructor(
    readonly code: SchemaErrorCode,
    readonly errors: string[],
    heading?: string,
  ) {
    super([...(heading ? [heading] : []), ...errors].join('\n'));
    this.name = 'SchemaError';
  }
}
