/** Detail of a validation failure: field path -> messages. */
export interface FieldErrors {
  fields: Record<string, string[]>;
}

/** The one error type of the HTTP API: a status, a stable code and the public `detail`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string | FieldErrors,
    readonly headers: Record<string, string> = {},
  ) {
    super(typeof detail === 'string' ? detail : 'Validation failed');
    this.name = 'ApiError';
  }
}
