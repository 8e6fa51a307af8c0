/**
 * The delay before retry number `attempt` (1 for the first retry): `baseMs` doubling each time,
 * capped at an hour, with "equal jitter" (half fixed, half random) so that deliveries failing
 * together (a receiver down) do not all come back at the same instant.
 */
export function retryDelayMs(attempt: number, baseMs: number, random: () => number = Math.random): number {
  const exponential = Math.min(baseMs * 2 ** Math.min(attempt - 1, 30), 3_600_000);
  return Math.round(exponential / 2 + random() * (exponential / 2));
}
