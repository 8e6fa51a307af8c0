const REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  EHOSTDOWN: 'host down',
};

/**
 * A short, safe reason for a failed request of pinned-request.ts (media downloads, webhook
 * deliveries): never a stack trace or an internal address.
 */
export function networkReason(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  // pinned-request.ts gives up on a connection with this message when asked to (webhooks: 5 s).
  if (typeof code !== 'string')
    return error instanceof Error && /connect timed out/.test(error.message)
      ? 'no connection within 5 s'
      : 'connection failed';
  if (/CERT|TLS|SSL|SIGNATURE/.test(code)) return 'TLS error';
  return REASONS[code] ?? 'connection failed';
}
