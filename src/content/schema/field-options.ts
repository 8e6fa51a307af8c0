// The key patterns and options of a schema live in src/shared/ (the dashboard offers the same).
export {
  OPTIONS_BY_TYPE,
  OPTION_ORDER,
  PAGE_SLUG,
  PAGE_TYPE_KEY,
  RESERVED_PAGE_TYPE_KEYS,
  SNAKE_KEY,
} from '../../shared/field-options.js';
export type { FieldContainer } from '../../shared/field-options.js';

/** Keys the fields of a document may point at, gathered before the fields are checked. */
export interface DocumentKeys {
  components: Set<string>;
  pageTypes: Set<string>;
  collections: Set<string>;
}
