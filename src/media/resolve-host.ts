import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { isPublicAddress } from './address-policy.js';
import { mediaErrors } from './media-error.js';

/** An address a download has been allowed to connect to. */
export interface CheckedAddress {
  address: string;
  family: 4 | 6;
}

/**
 * Resolves a URL's hostname and returns the address to connect to. Every resolved address is
 * checked, not just the first: a name answering with one public and one private address is
 * refused, since a retry or another resolver could hand out the private one.
 */
export async function resolveHost(hostname: string, allowPrivate: boolean): Promise<CheckedAddress> {
  const host = hostname.startsWith('[') ? hostname.slice(1, -1) : hostname; // URL keeps IPv6 brackets
  const found = isIP(host) ? [{ address: host, family: isIP(host) }] : await lookupAll(host);
  if (!allowPrivate && !found.every((a) => isPublicAddress(a.address))) throw mediaErrors.privateAddress();
  const first = found[0];
  if (!first) throw mediaErrors.download('host not found');
  return { address: first.address, family: first.family === 6 ? 6 : 4 };
}

async function lookupAll(host: string): Promise<Array<{ address: string; family: number }>> {
  try {
    return await lookup(host, { all: true, verbatim: true });
  } catch (error) {
    throw mediaErrors.download('host not found', error);
  }
}
