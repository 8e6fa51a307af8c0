import { GheeError, type ErrorCode, type ErrorDetail } from '../errors/index.js';

// Moved to src/errors/ (GheeError and the catalogue). Kept while the files that still build errors
// inline switch to catalogue factories; then deleted.
export type { FieldErrors, ListedErrors } from '../errors/index.js';

/** @deprecated The status is the code's (src/http/error-status.ts); use a factory of src/errors. */
export class ApiError extends GheeError {
  constructor(_status: number, code: ErrorCode, detail: ErrorDetail) {
    super(code, detail);
  }
}
