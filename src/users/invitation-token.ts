import { createHash, randomBytes } from 'node:crypto';

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** A new invitation token: 32 random bytes, base64url. Shown once, stored only as its hash. */
export function newInvitationToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: invitationTokenHash(token)! };
}

/** The stored form of a token (SHA-256, hex), or null for text that cannot be one. */
export function invitationTokenHash(token: string): string | null {
  if (!TOKEN.test(token)) return null;
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The dashboard page where the invitee accepts: `<PUBLIC_URL>/admin/invite/<token>`. */
export function invitationLink(publicUrl: string, token: string): string {
  return `${publicUrl}/admin/invite/${token}`;
}
