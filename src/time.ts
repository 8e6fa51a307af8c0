/** A clock that tests can stand at any instant. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** ISO 8601 UTC with six fractional digits, as the API shows timestamps (ms known, so µs are 000). */
export function isoMicro(date: Date): string {
  return date.toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}
