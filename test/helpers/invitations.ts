import type { AdminClient, AdminReply } from './admin.js';
import { PUBLIC_URL } from './server.js';

/** The accept link of an invitation answer: PUBLIC_URL, /admin/invite/, a 43-character token. */
export const LINK = new RegExp(`^${PUBLIC_URL.replace(/[.]/g, '\\.')}/admin/invite/([A-Za-z0-9_-]{43})$`);

/** The not-valid answer of every unknown, used, revoked, replaced or expired link. */
export const GONE = {
  detail: 'This invitation link is not valid: it was already used, revoked or replaced, or it has expired.',
  code: 'invitation_not_found',
};

/** Invites through the admin API; answers the reply and the token of its link (empty when refused). */
export async function invite(
  client: AdminClient,
  accountId: number,
  body: Record<string, unknown>,
): Promise<{ res: AdminReply; token: string }> {
  const res = await client.request('POST', `/admin/api/accounts/${accountId}/users`, body);
  const token = res.status === 201 ? (LINK.exec(res.body.data.link)?.[1] ?? '') : '';
  return { res, token };
}

/** Accepts an invitation from this browser. */
export function accept(
  client: AdminClient,
  token: string,
  body?: Record<string, unknown>,
  options?: Parameters<AdminClient['request']>[3],
): Promise<AdminReply> {
  return client.request('POST', `/admin/api/invitations/${token}/accept`, body ?? {}, options);
}
