// The content schema document (docs/schema.md) as types: the server checks and stores it, the
// dashboard edits it. Imports nothing, so both can use it.

/** Every field type, in the order the schema reference lists them. */
export const FIELD_TYPES = [
  'short_text',
  'long_text',
  'wysiwyg',
  'html',
  'markdown',
  'number',
  'date',
  'checkbox',
  'dropdown',
  'media',
  'color',
  'reference',
  'component',
  'component_picker',
  'repeater',
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
  /** Page types, single pages and collections: where the dashboard's Preview button goes (shared/preview-url.ts). */
  preview_url?: string;
  fields: Fields;
}

/** The schema document's `blog` section: the posts' preview URL template. */
export interface BlogDef {
  preview_url?: string;
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

/** The content-type sections of a schema document. */
export type SectionName = 'components' | 'page_types' | 'single_pages' | 'collections';

export interface SchemaDocument {
  locales?: LocaleDef[];
  components?: Record<string, ComponentDef>;
  page_types?: Record<string, TypeDef>;
  single_pages?: Record<string, TypeDef>;
  collections?: Record<string, TypeDef>;
  /** Absent: the blog has no preview URL. */
  blog?: BlogDef;
}

/** A schema document as `ghee schema export` and the admin API write it: every section present. */
export type ExportedSchema = SchemaDocument & Required<Pick<SchemaDocument, SectionName>>;
