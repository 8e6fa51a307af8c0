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
  // Plans and per-account limits are the install operator's (docs/quotas.md).
  planNotSelfService: (plan: string) =>
    new ApiError(403, 'plan_not_self_service', `Only the operator of this Ghee install can move an account to the ${plan} plan.`),
  // Django REST framework's throttling text, as ButterCMS's own API would word it.
  readsThrottled: (wait: number) =>
    new ApiError(429, 'admin_reads_throttled', `Request was throttled. Expected available in ${wait} second${wait === 1 ? '' : 's'}.`, { 'retry-after': String(wait) }),
  limitIsOperators: () => new ApiError(403, 'limit_is_operators', "Only the operator of this Ghee install can change an account's monthly call limit."),
  // Unknown, used, revoked, replaced and expired invitation links: one answer, so none is told apart.
  invitationGone: () =>
    new ApiError(404, 'invitation_not_found', 'This invitation link is not valid: it was already used, revoked or replaced, or it has expired.'),
  signInToAccept: () => new ApiError(401, 'sign_in_to_accept', 'This email already has a Ghee user: sign in as it first, then accept the invitation.'),
  invitationForOtherUser: () =>
    new ApiError(403, 'invitation_for_other_user', 'This invitation is for another email address: sign out, then open the link again.'),
} as const;
