import { GheeError } from './ghee-error.js';
import { errors, NO_CREDENTIALS } from './v2-errors.js';

// The admin API's own answers (docs/admin-api.md); the ones it shares with /v2 are /v2's.
export const adminErrors = {
  notSignedIn: () => new GheeError('not_signed_in', NO_CREDENTIALS),
  badCredentials: () => new GheeError('bad_credentials', 'Invalid email or password'),
  tooManyAttempts: (retryAfter: number) =>
    new GheeError('too_many_sign_in_attempts', 'Too many failed sign-in attempts. Try again later.', { retryAfter }),
  // The CSRF texts are Django's (ButterCMS runs on it), so the wording is familiar to its users.
  csrfToken: () => new GheeError('csrf_token', 'CSRF Failed: CSRF token missing or incorrect.'),
  csrfOrigin: (origin: string) =>
    new GheeError('csrf_origin', `CSRF Failed: Origin checking failed - ${origin} does not match any trusted origins.`),
  forbidden: errors.forbidden,
  notFound: errors.notFound,
  field: (field: string, message: string) => errors.validation({ [field]: [message] }),
  invalidSchema: (lines: string[]) =>
    new GheeError('invalid_schema', { message: 'The schema document is invalid.', errors: lines }),
  schemaBusy: () =>
    new GheeError(
      'schema_busy',
      'Too many schema documents are being checked right now. Please try again in a few seconds.',
      { retryAfter: 5 },
    ),
  dataLoss: (lines: string[]) =>
    new GheeError('data_loss', {
      message: 'This change deletes content. Send it again with ?confirm=true to go ahead.',
      errors: lines,
    }),
  badRange: () =>
    new GheeError(
      'invalid_range',
      'from and to should be ISO 8601 times with a zone, from before to, at most 366 days apart',
    ),
  badMonth: () => new GheeError('invalid_month', 'month query parameter should be YYYY-MM'),
  invalidStatusFilter: () =>
    new GheeError('invalid_status', 'status query parameter should be draft, published or scheduled'),
  invalidDeliveryStatus: (statuses: readonly string[]) =>
    new GheeError('malformed_body', `status must be one of ${statuses.join(', ')}`),
  // Plans and per-account limits are the install operator's (docs/quotas.md).
  planNotSelfService: (plan: string) =>
    new GheeError(
      'plan_not_self_service',
      `Only the operator of this Ghee install can move an account to the ${plan} plan.`,
    ),
  // Django REST framework's throttling text, as ButterCMS's own API would word it.
  readsThrottled: (wait: number) =>
    new GheeError(
      'admin_reads_throttled',
      `Request was throttled. Expected available in ${wait} second${wait === 1 ? '' : 's'}.`,
      { retryAfter: wait },
    ),
  limitIsOperators: () =>
    new GheeError(
      'limit_is_operators',
      "Only the operator of this Ghee install can change an account's monthly call limit.",
    ),
  // Unknown, used, revoked, replaced and expired invitation links: one answer, so none is told apart.
  invitationGone: () =>
    new GheeError(
      'invitation_not_found',
      'This invitation link is not valid: it was already used, revoked or replaced, or it has expired.',
    ),
  signInToAccept: () =>
    new GheeError(
      'sign_in_to_accept',
      'This email already has a Ghee user: sign in as it first, then accept the invitation.',
    ),
  invitationForOtherUser: () =>
    new GheeError(
      'invitation_for_other_user',
      'This invitation is for another email address: sign out, then open the link again.',
    ),
  // Deleting a category or tag (the dashboard, `ghee category|tag delete`): /v2 has no such delete.
  termInUse: (kind: 'category' | 'tag', name: string, posts: number) =>
    new GheeError(
      'term_in_use',
      `Cannot delete the ${kind} "${name}": ${posts} ${posts === 1 ? 'post uses' : 'posts use'} it. Take it off ${posts === 1 ? 'that post' : 'those posts'} first.`,
    ),
  dashboardNotBuilt: () =>
    new GheeError(
      'dashboard_not_built',
      'The dashboard is not built. Run `npm run build` (npm ci does it too), then restart Ghee.',
    ),
} as const;

/** Field messages of the admin API's own forms (the rest are /v2's, src/errors/field-messages.ts). */
export const adminMessages = {
  tokenKind: 'Choose "read" or "write".',
  integer: 'A valid integer is required.',
} as const;
