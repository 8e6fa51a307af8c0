import { createHash } from 'node:crypto';

/**
 * The progress key of an import from a ButterCMS-compatible source. One base URL serves many
 * ButterCMS accounts, so the token tells them apart; only a hash of it is kept.
 */
export function butterSourceKey(baseUrl: string, token: string): string {
  return `butter:${baseUrl.replace(/\/+$/, '')}:${createHash('sha256').update(token).digest('hex').slice(0, 16)}`;
}
