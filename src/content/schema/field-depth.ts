import { schemaMessages } from '../../errors/index.js';
import type { ComponentDef, FieldDef, Fields } from './types.js';

/**
 * How deep fields may nest. A page's own fields are level 1; the fields of a component, a picked
 * component or a repeater row held by a level-n field are level n + 1. Every walk over values
 * (writes, reads, imports, schema changes) recurses once per level, so the level bounds them.
 */
export const MAX_FIELD_DEPTH = 6;

/** The deepest level under a component's fields (counting them as level 1), and a path that reaches it. */
interface Deepest {
  depth: number;
  /** `pick[features].features[].headline`: `[key]` a picked component, `[]` a repeater row; at most MAX_FIELD_DEPTH + 1 steps. */
  steps: string[];
}

const NONE: Deepest = { depth: 0, steps: [] };

/**
 * Components too deep to use: holding one (at level 1, as a page's own field does) would put
 * fields past MAX_FIELD_DEPTH. Reported once per component, at the field that starts its deepest
 * path. Only components can nest that far: repeater rows and collections hold no structures
 * (nesting-rules.ts), so a page is within the limit once its components are. Run on documents
 * without component cycles; components are visited with a stack of their own, so a chain of
 * thousands is answered, not a stack overflow.
 */
export function findTooDeep(components: Record<string, ComponentDef>): string[] {
  const known = new Map<string, Deepest>();
  const errors: string[] = [];
  for (const key of Object.keys(components)) {
    measure(key, components, known);
    const { depth, steps } = known.get(key)!;
    if (depth + 1 <= MAX_FIELD_DEPTH) continue;
    const shown = steps.length > MAX_FIELD_DEPTH ? `${steps.slice(0, MAX_FIELD_DEPTH).join('.')}...` : steps.join('.');
    const path = `components.${key}.fields.${steps[0]!.replace(/\[.*$/, '')}`;
    errors.push(schemaMessages.tooDeep(path, key, depth + 1, shown, MAX_FIELD_DEPTH));
  }
  return errors;
}

/** The components a set of fields holds (through components, pickers and repeater rows). */
function componentsUnder(fields: Fields, out: string[] = []): string[] {
  for (const field of Object.values(fields)) {
    if (field.type === 'component' && typeof field.component === 'string') out.push(field.component);
    if (field.type === 'component_picker' && Array.isArray(field.components))
      out.push(...field.components.filter((c): c is string => typeof c === 'string'));
    if (field.type === 'repeater' && field.fields) componentsUnder(field.fields, out);
  }
  return out;
}

/** Fills `known` for `start` and every component under it, children before parents. */
function measure(start: string, components: Record<string, ComponentDef>, known: Map<string, Deepest>): void {
  const fieldsOf = (key: string): Fields => (Object.hasOwn(components, key) ? components[key]!.fields : {});
  const stack: { key: string; expanded: boolean }[] = [{ key: start, expanded: false }];
  while (stack.length) {
    const top = stack[stack.length - 1]!;
    if (known.has(top.key)) {
      stack.pop();
    } else if (!top.expanded) {
      top.expanded = true;
      for (const child of componentsUnder(fieldsOf(top.key)))
        if (!known.has(child)) stack.push({ key: child, expanded: false });
    } else {
      stack.pop();
      known.set(
        top.key,
        deepest(fieldsOf(top.key), (key) => known.get(key ?? '') ?? NONE),
      );
    }
  }
}

function deepest(fields: Fields, ofComponent: (key: string | undefined) => Deepest): Deepest {
  let best = NONE;
  for (const [key, field] of Object.entries(fields)) {
    const level = levelOf(key, field, ofComponent);
    if (level.depth > best.depth) best = level;
  }
  return best;
}

/** The deepest level a field reaches, counting itself as 1. */
function levelOf(key: string, field: FieldDef, ofComponent: (key: string | undefined) => Deepest): Deepest {
  const below = (inner: Deepest, step: string): Deepest => ({
    depth: 1 + inner.depth,
    steps: [step, ...inner.steps].slice(0, MAX_FIELD_DEPTH + 1),
  });
  if (field.type === 'component') return below(ofComponent(field.component), key);
  if (field.type === 'repeater') return below(deepest(field.fields ?? {}, ofComponent), `${key}[]`);
  if (field.type === 'component_picker') {
    let best: Deepest = { depth: 1, steps: [key] };
    for (const picked of Array.isArray(field.components) ? field.components : []) {
      const level = below(ofComponent(picked), `${key}[${picked}]`);
      if (level.depth > best.depth) best = level;
    }
    return best;
  }
  return { depth: 1, steps: [key] };
}
