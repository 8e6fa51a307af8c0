import argon2 from 'argon2';
import { userMessages } from '../errors/index.js';
import { UserInputError } from './user-input-error.js';

// OWASP's first Argon2id setting (19 MiB, 2 passes, 1 lane): a sign-in costs tens of
// milliseconds, and a burst of them cannot take the memory of a small server.
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** NIST's minimum for a password a person chooses. */
export const MIN_PASSWORD = 8;
// Long enough for any passphrase or password manager; short enough that hashing stays cheap.
export const MAX_PASSWORD = 1024;

/** Refuses a password too short or too long to be hashed sensibly. */
export function checkPassword(password: string): void {
  const length = [...password].length;
  if (length < MIN_PASSWORD) throw new UserInputError(userMessages.passwordTooShort(MIN_PASSWORD), 'password');
  if (length > MAX_PASSWORD) throw new UserInputError(userMessages.passwordTooLong(MAX_PASSWORD), 'password');
}

/** The Argon2id PHC string of a password (salted; the only form a password is ever stored in). */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

let dummy: Promise<string> | null = null;

/**
 * Checks a password against a stored hash (argon2 compares in constant time). With no hash (an
 * unknown email) it still hashes once, so the answer takes as long and tells nobody who exists.
 */
export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  if (password.length > MAX_PASSWORD * 4) return false;
  dummy ??= hashPassword(`unused-${Math.random()}`);
  try {
    const ok = await argon2.verify(hash ?? (await dummy), password);
    return hash !== null && ok;
  } catch {
    // A malformed stored hash signs nobody in.
    return false;
  }
}

/** True when a hash was made with older settings and should be replaced at the next sign-in. */
export function needsRehash(hash: string): boolean {
  try {
    return argon2.needsRehash(hash, {
      memoryCost: OPTIONS.memoryCost,
      timeCost: OPTIONS.timeCost,
      parallelism: OPTIONS.parallelism,
    });
  } catch {
    return false;
  }
}
