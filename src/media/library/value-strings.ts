// Stored field values walked without their schema: media can sit in any text leaf (a media field,
// rich text, a repeater row, a picked component), and a value the schema no longer describes
// still holds what it holds.

/** Every string leaf of a stored value, with its dotted path (`sections.0.image`). */
export function* stringLeaves(value: unknown, path = ''): Generator<[path: string, text: string]> {
  if (typeof value === 'string') {
    yield [path, value];
  } else if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) yield* stringLeaves(item, join(path, String(i)));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) yield* stringLeaves(item, join(path, key));
  }
}

/** A copy of a stored value with every string leaf passed through `map`. */
export function mapStrings(value: unknown, map: (text: string) => string): unknown {
  if (typeof value === 'string') return map(value);
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, map));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mapStrings(item, map)]));
  }
  return value;
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);
