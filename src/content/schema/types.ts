// The schema document's types live in src/shared/ (the dashboard edits the same document).
export { FIELD_TYPES } from '../../shared/field-types.js';
export type {
  BlogDef,
  ComponentDef,
  ExportedSchema,
  FieldDef,
  FieldType,
  Fields,
  LocaleDef,
  SchemaDocument,
  SectionName,
  TypeDef,
} from '../../shared/field-types.js';
