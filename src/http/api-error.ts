/** Detail of a validation failure: field path -> messages. */
export interface FieldErrors {
  fields: Record<string, string[]>;
}

/** Detail of a refusal with several reasons: an invalid schema's problems, the content a change deletes. */
export interface ListedErrors {
  message: string;
  errors: string[];
}

/** The one error type of the HTTP API: a status, a stable code and the public `detail`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string | FieldErrors | ListedErrors,
    readonly headers: Record<string, string> = {},
  ) {
    super(typeof detail === 'string' ? detail : 'Validation failed');
    this.name = 'ApiError';
  }
}
