import { schemaMessages } from '../../errors/index.js';
import type { FieldContainer } from './field-options.js';
import type { FieldType } from './types.js';

/**
 * Why a field of `type` may not sit in `container`, or undefined when it may. Every schema
 * ButterCMS allows is allowed (its sample landing page has repeaters inside the components of
 * its picker), and so is every nesting earlier Ghee accepted (components and pickers in
 * collections, structures inside repeater rows), so no stored schema or archive is refused after
 * an upgrade. Only a repeater in a collection stays refused, as it always was and as on ButterCMS.
 */
export function nestingRefusal(type: FieldType, container: FieldContainer): string | undefined {
  if (type === 'repeater' && container === 'collection') return schemaMessages.repeaterInCollection;
  return undefined;
}
