import { GheeError } from '../../errors/index.js';

/**
 * Runs a restore's write with `input`; when the write refuses some of its fields (a validation
 * error: a dropdown option or a length rule changed since, a reference now of another type), runs
 * it again without those fields, until it succeeds. Each retry drops at least one field, so it ends.
 * Returns the names of the fields dropped. Any other error, or one that names no field of the
 * input, is the caller's.
 */
export async function writeWhatFits(
  input: Record<string, unknown>,
  write: (fields: Record<string, unknown>) => Promise<unknown>,
): Promise<string[]> {
  const fields = { ...input };
  const dropped: string[] = [];
  for (;;) {
    try {
      await write(fields);
      return dropped;
    } catch (error) {
      const failing = failingFields(error).filter((key) => Object.hasOwn(fields, key));
      if (!failing.length) throw error;
      for (const key of failing) {
        delete fields[key];
        dropped.push(key);
      }
    }
  }
}

/** The top-level fields a validation error names (`faq.2.answer` is `faq`). */
function failingFields(error: unknown): string[] {
  if (!(error instanceof GheeError) || error.code !== 'validation') return [];
  const detail = error.detail;
  if (typeof detail !== 'object' || !('fields' in detail)) return [];
  return [...new Set(Object.keys(detail.fields).map((path) => path.split('.')[0]!))];
}
