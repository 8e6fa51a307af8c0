import { schemaMessages } from '../../errors/index.js';
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
    if (field.type === 'component' && typeof field.component === 'string')
      out.push({ to: field.component, path: `${at}.component` });
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
 * once, at the field that closes it. The walk keeps its own stack, so a document of thousands of
 * chained components is answered, not a stack overflow.
 */
export function findComponentCycles(components: Record<string, ComponentDef>): string[] {
  const errors: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];
  const frames: { key: string; edges: Edge[]; next: number }[] = [];
  const enter = (key: string) => {
    state.set(key, 'visiting');
    path.push(key);
    frames.push({ key, edges: edgesOf(components[key]!.fields, `components.${key}.fields`), next: 0 });
  };
  for (const start of Object.keys(components)) {
    if (state.has(start)) continue;
    enter(start);
    while (frames.length) {
      const frame = frames[frames.length - 1]!;
      const edge = frame.edges[frame.next++];
      if (!edge) {
        frames.pop();
        path.pop();
        state.set(frame.key, 'done');
        continue;
      }
      const seen = state.get(edge.to);
      if (seen === 'visiting') {
        errors.push(schemaMessages.componentCycle(edge.path, [...path.slice(path.indexOf(edge.to)), edge.to]));
      } else if (seen === undefined && Object.hasOwn(components, edge.to)) {
        enter(edge.to);
      }
    }
  }
  return errors;
}
