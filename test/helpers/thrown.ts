/**
 * The stable `code` and the message of what `fn` throws, so a unit test can compare a refusal
 * with the public text it carries; throws itself when `fn` returns.
 */
export function thrownBy(fn: () => unknown): { code: unknown; message: string } {
  try {
    fn();
  } catch (error) {
    return { code: (error as { code?: unknown }).code, message: (error as Error).message };
  }
  throw new Error('expected a throw, but the call returned');
}
