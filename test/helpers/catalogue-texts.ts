import { errors, GheeError, imageErrors, mediaMessages, messages, postMessages } from '../../src/errors/index.js';

// Walks the /v2 part of the error catalogue (src/errors): every text its factories and messages
// can produce, with the values they take turned into placeholders, so that docs/api.md may write
// them as `X`, `N`, `<reason>` or an example.

/** Stands for any string value; ANY_NUMBER for any number. */
const ANY = '\u2983any\u2984';
const ANY_NUMBER = 7777;

/**
 * Arguments for the entries whose text depends on what they take beyond one string (every other
 * entry with parameters gets ANY for each). Literal values pick a wording: `1` the singular.
 */
const SAMPLES: Record<string, unknown[][]> = {
  'errors.methodNotAllowed': [[ANY, ['GET']]],
  'errors.answerTooManyNodes': [[ANY_NUMBER]],
  'errors.answerTooManyBytes': [[ANY_NUMBER]],
  'errors.undefinedField': [
    [ANY, 'page type'],
    [ANY, 'collection'],
  ],
  'errors.validation': [[{}]],
  'errors.quotaExceeded': [[ANY_NUMBER]],
  'mediaMessages.tooLarge': [[ANY_NUMBER * 1024 * 1024]],
  'mediaMessages.svgTooLarge': [[ANY_NUMBER * 1024 * 1024]],
};

/** The catalogues whose texts /v2 (and /media, §11) answers with. */
const V2_CATALOGUES = { errors, messages, postMessages, mediaMessages, imageErrors } as const;

export interface CatalogueText {
  /** `errors.pageNotFound`, `messages.maxLength`. */
  entry: string;
  text: string;
  /** The text with its placeholders as `[^`]+?`: any value inside one code span. */
  pattern: RegExp;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function patternOf(text: string): RegExp {
  const literalParts = text.split(new RegExp(`${escape(ANY)}|${ANY_NUMBER}`));
  return new RegExp(literalParts.map(escape).join('[^`]+?'));
}

function textsOf(entry: string, value: unknown): string[] {
  if (typeof value === 'string') return [value];
  const factory = value as (...args: unknown[]) => unknown;
  const samples = SAMPLES[entry] ?? [Array.from({ length: factory.length }, () => ANY)];
  return samples.flatMap((args) => {
    const made = factory(...args);
    if (made instanceof GheeError) return typeof made.detail === 'string' ? [made.detail] : [];
    return [String(made)];
  });
}

/** Every text of the /v2 catalogues, once per wording (an entry spread into another is walked once). */
export function v2CatalogueTexts(): CatalogueText[] {
  const seen = new Set<string>();
  const out: CatalogueText[] = [];
  for (const [name, catalogue] of Object.entries(V2_CATALOGUES)) {
    for (const [key, value] of Object.entries(catalogue)) {
      for (const text of textsOf(`${name}.${key}`, value)) {
        if (seen.has(text)) continue;
        seen.add(text);
        out.push({ entry: `${name}.${key}`, text, pattern: patternOf(text) });
      }
    }
  }
  return out;
}
