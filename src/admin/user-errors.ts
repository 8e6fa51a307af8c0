import { InvitationError } from '../users/invitation-error.js';
import { UserInputError } from '../users/user-input-error.js';
import { adminErrors } from '../errors/index.js';

const BY_REASON = {
  gone: adminErrors.invitationGone,
  sign_in: adminErrors.signInToAccept,
  other_user: adminErrors.invitationForOtherUser,
  role: adminErrors.forbidden,
} as const;

/** Runs a users operation; its refusals become the admin API's answers (field errors, 404, 401, 403). */
export async function asUserAnswer<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof UserInputError) throw adminErrors.field(error.field, error.message);
    if (error instanceof InvitationError) throw BY_REASON[error.reason]();
    throw error;
  }
}
