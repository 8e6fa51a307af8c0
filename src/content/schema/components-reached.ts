import type { ComponentDef, Fields } from './types.js';

/**
 * The keys of every component that `fields` can hold: directly, through other components, and
 * through repeaters and pickers. Each component is looked into once, so cycles end.
 */
export function componentsReached(fields: Fields, components: Record<string, ComponentDef>): Set<string> {
  const found = new Set<string>();
  const reach = (at: Fields): void => {
    for (const field of Object.values(at)) {
      const used =
        field.type === 'component' && field.component
          ? [field.component]
          : field.type === 'component_picker'
            ? (field.components ?? [])
            : [];
      for (const key of used) {
        if (found.has(key)) continue;
        found.add(key);
        const def = components[key];
        if (def) reach(def.fields);
      }
      if (field.fields) reach(field.fields);
    }
  };
  reach(fields);
  return found;
}
