/**
 * What a failed delivery attempt says (the delivery log's `last_error`, `ghee webhook test`):
 * what happened, in words, and never a stack trace.
 */
export const deliveryErrors = {
  answered: (status: number, text: string) =>
    `Answered ${status}${status >= 300 && status <= 399 ? ' (redirects are not followed)' : ''}${text ? `: ${text.slice(0, 200)}` : ''}`,
  timedOut: (seconds: number) => `Timed out after ${seconds} s without a complete answer`,
  unreachable: (host: string, reason: string) => `Could not reach ${host}: ${reason}`,
  privateTarget: () =>
    'The target resolves to a loopback, link-local or private address (set WEBHOOK_ALLOW_PRIVATE=true to allow)',
};
