// Why a user, password, membership or invitation cannot be accepted: a field's message in the admin
// API (src/admin/user-errors.ts) and the CLI's error line (src/users/user-input-error.ts carries it).
export const userMessages = {
  notEmail: (raw: string) => `"${raw}" is not an email address`,
  nameTooLong: (max: number) => `A name has at most ${max} characters`,
  emailTaken: (email: string) => `A user with the email ${email} already exists`,
  passwordTooShort: (min: number) => `A password needs at least ${min} characters`,
  passwordTooLong: (max: number) => `A password has at most ${max} characters`,
  alreadyMember: (role: string) => `This user is already a member of this account (${role})`,
  lastOwner: 'An account needs at least one owner',
  tooManyInvitations: (max: number) => `This account already has ${max} pending invitations: revoke some first`,
  keepsPassword: 'You already have a password: accepting an invitation does not change it',
  keepsName: 'You already have a name: accepting an invitation does not change it',
  existingUserKeepsPassword: 'This user already exists and keeps their own password',
  roleChoice: 'Choose one of owner, admin, editor, viewer.',
} as const;
