// The content schema document of API.md section 7, as TypeScript types.

export const FIELD_TYPES = [
  'short_text', 'long_text', 'wysiwyg', 'html', 'markdown', 'number', 'date', 'checkbox',
  'dropdown', 'media', 'color', 'reference', 'component', 'component_picker', 'repeater',
] as const;

export type FieldType = (typeof FIELD_TYPES)[number];

export interface FieldDef {
  type: FieldType;
  required?: boolean;
  min_length?: number;
  max_length?: number;
  pattern?: string;
  min?: number;
  max?: number;
  help_text?: string;
  /** Default true; false means one value shared by every locale. */
  localized?: boolean;
  /** dropdown */
  options?: string[];
  /** reference: `page_type:<key>` or `collection:<key>` */
  to?: string;
  /** reference: an array of targets */
  many?: boolean;
  /** component: the component key */
  component?: string;
  /** component_picker: the component keys it may hold */
  components?: string[];
  /** repeater: the fields of each row */
  fields?: Record<string, FieldDef>;
}

export type Fields = Record<string, FieldDef>;

export interface TypeDef {
  name: string;
  fields: Fields;
}

export interface ComponentDef {
  name?: string;
  fields: Fields;
}

export interface LocaleDef {
  slug: string;
  name: string;
  default?: boolean;
}

export interface SchemaDocument {
  locales?: LocaleDef[];
  components?: Record<string, ComponentDef>;
  page_types?: Record<string, TypeDef>;
  single_pages?: Record<string, TypeDef>;
  collections?: Record<string, TypeDef>;
}
