import { accountMessages, LOCALE_SLUG_FORM } from './account-messages.js';

// The problem lines of a refused schema document (docs/schema.md): each names the path it is about
// (`page_types.landing_page.fields.hero.type: ...`), so the CLI and the admin API can list them all
// at once (src/content/schema/validate-document.ts and its helpers push them).

/** `components.hero`, `locales.0.slug`: where in the document a line is about. */
type Path = string;

const list = (items: readonly string[]) => items.join(', ');

export const schemaMessages = {
  // The document and its sections.
  documentNotObject: 'document: must be a JSON object',
  tooManyTypes: (count: number, max: number) =>
    `document: ${count} content types; a schema holds at most ${max} (page types, single pages, collections and components together)`,
  tooManyFields: (count: number, max: number) =>
    `document: ${count} fields; a schema holds at most ${max} (repeater row fields included)`,
  /** `owner` is what holds the keys: "schema document", "content type", "locale". */
  unknownKey: (path: Path, owner: string, allowed: readonly string[]) =>
    `${path}: unknown key; a ${owner} has ${list(allowed)}`,
  sectionNotObject: (section: string) =>
    `${section}: must be an object keyed by ${section === 'single_pages' ? 'page slug' : 'key'}`,

  // The keys of content types and fields.
  searchReserved: (path: Path) => `${path}: "search" is reserved (it would shadow /v2/pages/search/)`,
  singlePagesTypeReserved: (path: Path, key: string) =>
    `${path}: "${key}" is reserved (it is the page type of single pages)`,
  pageTypeKey: (path: Path) =>
    `${path}: page type keys must be lowercase letters, digits, underscores and hyphens, starting with a letter`,
  singlePageKey: (path: Path) =>
    `${path}: single page keys are page slugs: lowercase letters and digits, in words joined by single hyphens`,
  snakeKey: (path: Path, what: 'component' | 'collection' | 'field') =>
    `${path}: ${what} keys must be lowercase letters, digits and underscores, starting with a letter`,

  // A content type.
  typeNotObject: (path: Path, nameOptional: boolean) =>
    `${path}: must be an object with ${nameOptional ? '"fields"' : '"name" and "fields"'}`,
  fieldsRequired: (path: Path) => `${path}: required (an object of fields keyed by field key)`,

  // Values of any kind.
  nonEmptyString: (path: Path) => `${path}: must be a non-empty string`,
  controlCharacters: (path: Path) => `${path}: must not contain control characters (NUL, line breaks, tabs)`,
  boolean: (path: Path) => `${path}: must be true or false`,
  string: (path: Path) => `${path}: must be a string`,
  nonNegativeInteger: (path: Path) => `${path}: must be a non-negative integer`,
  number: (path: Path) => `${path}: must be a number`,
  exceeds: (path: Path, other: string, value: number, otherValue: number) =>
    `${path}: must not exceed ${other} (${value} > ${otherValue})`,
  /** `what` is "option", "component" or "locale". */
  duplicate: (path: Path, what: string, value: string) => `${path}: duplicate ${what} "${value}"`,
  /** `what` is "component", "page type" or "collection". */
  notInDocument: (path: Path, what: string, key: string) => `${path}: no ${what} "${key}" in this document`,

  // A field.
  fieldsNotObject: (path: Path) => `${path}: must be an object of fields keyed by field key`,
  fieldNotObject: (path: Path) => `${path}: must be an object with a "type"`,
  fieldType: (path: Path, type: unknown, types: readonly string[]) =>
    `${path}: ${type === undefined ? 'missing field type' : `unknown field type ${JSON.stringify(type)}`}; expected one of ${list(types)}`,
  optionNotApplicable: (path: Path, type: string, options: readonly string[]) =>
    `${path}: does not apply to a ${type} field (its options are ${list(options)})`,
  unknownOption: (path: Path, type: string, options: readonly string[]) =>
    `${path}: unknown option; a ${type} field takes ${list(options)}`,
  /** Why the field's type may not sit where it is (src/content/schema/nesting-rules.ts). */
  nestingRefused: (path: Path, reason: string) => `${path}: ${reason}`,
  repeaterInCollection: 'a collection cannot hold repeater fields; repeaters are for pages and components',
  requiredFor: (path: Path, type: string) => `${path}: required for a ${type} field`,
  componentKey: (path: Path) => `${path}: must be a component key`,
  componentKeys: (path: Path) => `${path}: must be a non-empty list of component keys`,
  dropdownOptions: (path: Path) => `${path}: must be a non-empty list of strings`,
  referenceTarget: (path: Path) => `${path}: must be "page_type:<key>" or "collection:<key>"`,
  patternNotString: (path: Path) => `${path}: must be a regular expression, as a string`,
  patternInvalid: (path: Path, reason: string) =>
    `${path}: not a valid RE2 pattern: ${reason}; patterns use RE2 syntax (no lookahead, lookbehind or backreferences)`,
  /** A PatternSyntaxError's reason, shown by patternInvalid. */
  patternTooLong: (max: number) => `longer than ${max} characters`,

  // Components.
  componentCycle: (path: Path, keys: readonly string[]) =>
    `${path}: a component may not contain itself (${keys.join(' -> ')})`,
  tooDeep: (path: Path, component: string, depth: number, steps: string, max: number) =>
    `${path}: nests too deep: a page holding ${component} would have fields ${depth} levels deep (${component}: ${steps}); ` +
    `fields nest at most ${max} levels (a page's own fields are level 1, and each component, picked component or repeater row adds one)`,

  // Preview URL templates of page types, collections and the blog (docs/api.md §13.5).
  previewUrl: (path: Path) =>
    `${path}: must be an absolute http or https URL, without spaces, such as https://www.example.com/api/preview?slug={slug}&token={preview_token}`,
  previewUrlTooLong: (path: Path, max: number) => `${path}: must be at most ${max} characters`,
  previewPlaceholder: (path: Path, name: string, allowed: readonly string[]) =>
    `${path}: unknown placeholder {${name}}; a preview URL takes ${list(allowed.map((p) => `{${p}}`))}`,
  previewBrace: (path: Path) => `${path}: a brace that opens or closes no placeholder; write placeholders as {slug}`,
  blogNotObject: 'blog: must be an object with a "preview_url"',

  // Locales.
  localesNotList: 'locales: must be a list of {"slug", "name", "default"} objects',
  noLocales: 'locales: must list at least one locale',
  localeNotObject: (path: Path) => `${path}: must be an object with a slug and a name`,
  localeSlug: (path: Path, slug: unknown) =>
    `${path}: ${JSON.stringify(slug ?? null)} is not a locale slug (${LOCALE_SLUG_FORM})`,
  severalDefaults: (slugs: readonly string[]) =>
    `locales: exactly one locale may be the default, not ${slugs.length} (${list(slugs)})`,

  // Applying a valid document (src/content/schema/apply-schema.ts).
  invalidHeading: 'The schema document is invalid:',
  dataLossHeading: 'Refusing to apply: these changes would delete content:',
  planLocales: (plan: string, limit: number, count: number) =>
    `locales: the ${plan} plan allows ${limit} locale(s), not ${count}`,
  noAccount: accountMessages.noAccount,
} as const;
