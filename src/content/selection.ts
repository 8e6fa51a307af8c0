/** Restricts `fields` to the selected dot paths (`fields=title,hero.title`). */
export type Selection = string[][] | null;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The selected paths of an object of fields; the rest left out. Works alike on stored values and
 * on rendered ones, since both nest through components the same way.
 */
export function selectPaths(fields: unknown, selection: Selection): unknown {
  if (!selection || !isObject(fields)) return fields;
  const out: Record<string, unknown> = {};
  for (const path of selection) copyPath(fields, out, path);
  return out;
}

function copyPath(from: Record<string, unknown>, to: Record<string, unknown>, path: string[]): void {
  const [head, ...rest] = path as [string, ...string[]];
  if (!Object.hasOwn(from, head)) return;
  const value = from[head];
  if (rest.length === 0 || !isObject(value)) {
    to[head] = value;
    return;
  }
  const child = isObject(to[head]) ? to[head] : {};
  to[head] = child;
  copyPath(value, child, rest);
}
