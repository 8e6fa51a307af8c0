import { randomBytes } from 'node:crypto';

// No 0/O, 1/l/I: the password is read off a terminal and typed.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random password of 4 groups of 5 characters (about 116 bits), easy to read and type. */
export function generatePassword(): string {
  const chars: string[] = [];
  while (chars.length < 20) {
    for (const byte of randomBytes(32)) {
      // 224 = 4 * 56: rejecting larger bytes keeps every character equally likely.
      if (byte < 224 && chars.length < 20) chars.push(ALPHABET[byte % ALPHABET.length]!);
    }
  }
  return [0, 5, 10, 15].map((i) => chars.slice(i, i + 5).join('')).join('-');
}
