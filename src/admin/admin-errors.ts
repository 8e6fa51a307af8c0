import { ApiError } from '../http/api-error.js';
import { errors } from '../http/errors.js';

// Every public text of the admin API lives here, once (the /v2 ones stay in http/errors.ts).
export const adminErrors = {
  notSignedIn: () => new ApiError(401, 'not_signed_in', 'Authentication credentials were not provided'),
  badCredentials: () => new ApiError(401, 'bad_credentials', 'Invalid email or password'),
  tooManyAttempts: (retryAfter: number) =>
    new ApiError(429, 'too_many_sign_in_attempts', 'Too many failed sign-in attempts. Try again later.', { 'retry-after': String(retryAfter) }),
  // The CSRF texts are Django's (ButterCMS runs on it), so the wording is familiar to its users.
  csrfToken: () => new ApiError(403, 'csrf_token', 'CSRF Failed: CSRF token missing or incorrect.'),
  csrfOrigin: (origin: string) =>
    new ApiError(403, 'csrf_origin', `CSRF Failed: Origin checking failed - ${origin} does not match any trusted origins.`),
  forbidden: errors.forbidden,
  notFound: errors.notFound,
  field: (field: string, message: string) => errors.validation({ [field]: [message] }),
  invalidSchema: (lines: string[]) => new ApiError(400, 'invalid_schema', { message: 'The schema document is invalid.', errors: lines }),
  dataLoss: (lines: string[]) =>
    new ApiError(409, 'data_loss', { message: 'This change deletes content. Send it again with ?confirm=true to go ahead.', errors: lines }),
  badMonth: () => new ApiError(400, 'invalid_month', 'month query parameter should be YYYY-MM'),
  badBody: (detail: string) => new ApiError(400, 'malformed_body', detail),
} as const;
