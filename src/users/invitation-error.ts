/**
 * Why an invitation cannot be made, revoked or accepted:
 * - `gone`: no pending invitation has this token (unknown, used, revoked or expired: one answer);
 * - `sign_in`: the invitee already has a user and must sign in as it first;
 * - `other_user`: the browser is signed in as someone else than the invitee;
 * - `role`: the inviter would give, replace or revoke a role above their own.
 */
export class InvitationError extends Error {
  constructor(readonly reason: 'gone' | 'sign_in' | 'other_user' | 'role') {
    super(`invitation refused: ${reason}`);
  }
}
