// A webhook's settings refused (a field's message in the admin API, the CLI's error line) and what
// a failed delivery attempt says (the delivery log's `last_error`, `ghee webhook test`): what
// happened, in words, never a stack trace.
export const webhookMessages = {
  url: 'Enter a valid http or https URL.',
  privateUrl: 'Webhooks to loopback, link-local or private addresses are not allowed.',
  events: (choices: readonly string[]) => `Choose events among: ${choices.join(', ')}.`,
  header:
    'Headers are names (letters, digits, - and _) with single-line text values; Content-Type, Host and webhook-* are set by Ghee.',
  enabled: 'Must be true or false.',
} as const;

export const deliveryErrors = {
  answered: (status: number, text: string) =>
    `Answered ${status}${status >= 300 && status <= 399 ? ' (redirects are not followed)' : ''}${text ? `: ${text.slice(0, 200)}` : ''}`,
  timedOut: (seconds: number) => `Timed out after ${seconds} s without a complete answer`,
  unreachable: (host: string, reason: string) => `Could not reach ${host}: ${reason}`,
  privateTarget: () =>
    'The target resolves to a loopback, link-local or private address (set WEBHOOK_ALLOW_PRIVATE=true to allow)',
} as const;
