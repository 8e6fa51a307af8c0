// The error catalogue: every public error text of Ghee, once, with its code. It imports nothing
// outside this folder (test/error-catalogue.test.ts holds that), so any layer may use it; only
// src/http knows what a code becomes on the wire (src/http/error-status.ts).
export { ADMIN_CODES, V2_CODES, type ErrorCode } from './codes.js';
export {
  GheeError,
  type ErrorDetail,
  type ErrorHints,
  type FieldErrors,
  type ListedErrors,
  type QuotaStanding,
} from './ghee-error.js';
export { errors, NO_CREDENTIALS } from './v2-errors.js';
export { messages } from './field-messages.js';
export { postMessages } from './post-messages.js';
export { mediaMessages } from './media-messages.js';
export { imageErrors } from './image-errors.js';
export { libraryErrors, libraryMessages } from './media-library-errors.js';
export { adminErrors, adminMessages } from './admin-errors.js';
export { userMessages } from './user-messages.js';
export { accountMessages } from './account-messages.js';
export { schemaMessages } from './schema-messages.js';
export { authorMessages } from './author-messages.js';
export { importMessages } from './import-messages.js';
export { cliMessages } from './cli-messages.js';
export { deliveryErrors, webhookMessages } from './webhook-messages.js';
export { auditErrors } from './audit-errors.js';
export { trashErrors } from './trash-errors.js';
