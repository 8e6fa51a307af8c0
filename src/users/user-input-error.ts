/** Why a user, password or membership cannot be accepted, in words for the CLI and the admin API. */
export class UserInputError extends Error {
  constructor(
    message: string,
    readonly field: 'email' | 'password' | 'name' | 'role' | 'user' = 'user',
  ) {
    super(message);
  }
}
