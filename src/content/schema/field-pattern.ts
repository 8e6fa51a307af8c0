import RE2 from 're2';
import { schemaMessages } from '../../errors/index.js';
import type { FieldDef } from './types.js';

// A field's `pattern` comes from whoever edits the schema and runs on every write of every
// tenant, so it runs on RE2: matching takes time linear in the value, whatever the pattern
// (JavaScript's backtracking engine took seconds on `^(a+)+$` and a 27-character value).

/** Longest pattern a schema may hold, in characters. */
export const PATTERN_MAX_LENGTH = 1000;
/** Longest value a pattern is run on, in characters; a longer value of a field with a pattern is refused. */
export const PATTERN_MAX_INPUT = 10_000;

/** Why a pattern cannot be used, in words fit for the schema's author. */
export class PatternSyntaxError extends Error {}

/**
 * Compiles a pattern with RE2, Unicode-aware like JavaScript's `u` flag. Throws
 * PatternSyntaxError for what RE2 refuses: bad syntax, and the features that need backtracking
 * (lookahead, lookbehind, backreferences).
 */
export function compilePattern(source: string): RE2 {
  if ([...source].length > PATTERN_MAX_LENGTH)
    throw new PatternSyntaxError(schemaMessages.patternTooLong(PATTERN_MAX_LENGTH));
  try {
    return new RE2(source, 'u');
  } catch (error) {
    throw new PatternSyntaxError((error as Error).message);
  }
}

// Keyed by the field definition, which belongs to one schema snapshot: a pattern is compiled
// once per schema version, and forgotten with it.
const compiled = new WeakMap<FieldDef, RE2 | PatternSyntaxError>();

/**
 * The field's compiled pattern, or the PatternSyntaxError of a stored pattern RE2 cannot compile
 * (one saved before patterns ran on RE2): such a field refuses values until the schema is fixed.
 */
export function fieldPattern(field: FieldDef & { pattern: string }): RE2 | PatternSyntaxError {
  let found = compiled.get(field);
  if (!found) {
    try {
      found = compilePattern(field.pattern);
    } catch (error) {
      if (!(error instanceof PatternSyntaxError)) throw error;
      found = error;
    }
    compiled.set(field, found);
  }
  return found;
}
