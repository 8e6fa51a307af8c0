import { imageErrors } from '../errors/index.js';
import { MAX_TASK_LENGTH } from './image-request.js';

/** One task of a URL read into its name and options: `resize=width:800,fit:crop`. */
export interface TaskSegment {
  name: string;
  options: Map<string, string>;
}

/**
 * Reads one task segment as Filestack writes them: `name`, or `name=key:value,key:value`, where a
 * value may be a bracketed list (`dim:[0,0,200,100]`, `align:[top,left]`). The segment is
 * percent-decoded first, so `%5B` is `[`. Throws the 400 naming what it cannot read.
 */
export function readSegment(raw: string): TaskSegment {
  let segment: string;
  try {
    segment = decodeURIComponent(raw);
  } catch {
    segment = raw;
  }
  if (segment.length > MAX_TASK_LENGTH) throw imageErrors.taskTooLong(MAX_TASK_LENGTH);
  const equals = segment.indexOf('=');
  const name = equals === -1 ? segment : segment.slice(0, equals);
  if (!/^[a-z_]+$/.test(name)) throw imageErrors.unknownTask(name);
  const options = new Map<string, string>();
  if (equals === -1) return { name, options };
  for (const part of splitOutsideBrackets(segment.slice(equals + 1))) {
    const colon = part.indexOf(':');
    const key = colon === -1 ? part : part.slice(0, colon);
    if (colon <= 0 || colon === part.length - 1 || options.has(key)) throw imageErrors.invalidOption(key, name);
    options.set(key, part.slice(colon + 1));
  }
  return { name, options };
}

/** `a:1,b:[2,3]` -> [`a:1`, `b:[2,3]`]; empty text, no parts. */
function splitOutsideBrackets(text: string): string[] {
  if (text === '') return [];
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '[') depth++;
    else if (c === ']') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** The items of a bracketed list (`[a,b]`), or null when the value is not one. */
export function listItems(value: string): string[] | null {
  if (!value.startsWith('[') || !value.endsWith(']')) return null;
  return value.slice(1, -1).split(',');
}

/** A whole number from min to max written in plain digits, or null. */
export function wholeNumber(value: string, min: number, max: number): number | null {
  if (!/^\d{1,7}$/.test(value)) return null;
  const n = Number(value);
  return n >= min && n <= max ? n : null;
}

/** `record[key]` when it is the record's own entry (never `constructor` or another inherited name). */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
