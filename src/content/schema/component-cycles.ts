import type { ComponentDef, Fields } from './types.js';

interface Edge {
  to: string;
  /** The path of the field (or list item) that holds the component, for the message. */
  path: string;
}

function edgesOf(fields: Fields, path: string, out: Edge[] = []): Edge[] {
  for (const [key, field] of Object.entries(fields)) {
    const at = `${path}.${key}`;
    // Runs on documents that may hold other errors too, so every value is checked before use.
    if (field.type === 'component' && typeof field.component === 'string') out.push({ to: field.component, path: `${at}.component` });
    if (field.type === 'component_picker' && Array.isArray(field.components)) {
      field.components.forEach((c, i) => out.push({ to: c, path: `${at}.components.${i}` }));
    }
    if (field.fields) edgesOf(field.fields, `${at}.fields`, out);
  }
  return out;
}

/**
 * Finds components that contain themselves, directly or through other components (a component
 * field or a component picker): such a value would be infinitely deep. Each cycle is reported
 * once, at the field that closes it.
 */
export function findComponentCycles(components: Record<string, ComponentDef>): string[] {
  const errors: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (key: string): void => {
    state.set(key, 'visiting');
    stack.push(key);
    const def = components[key];
    for (const edge of def ? edgesOf(def.fields, `components.${key}.fields`) : []) {
      const seen = state.get(edge.to);
      if (seen === 'visiting') {
        const cycle = [...stack.slice(stack.indexOf(edge.to)), edge.to].join(' -> ');
        errors.push(`${edge.path}: a component may not contain itself (${cycle})`);
      } else if (seen === undefined && components[edge.to]) {
        visit(edge.to);
      }
    }
    stack.pop();
    state.set(key, 'done');
  };
  for (const key of Object.keys(components)) if (!state.has(key)) visit(key);
  return errors;
}
