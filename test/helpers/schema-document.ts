import { validateSchemaDocument } from '../../src/content/schema/validate-document.js';

// What the schema-document suites share (docs/schema.md): the example document, a builder of
// one-type documents, and the list of problems a document is refused with.

/** Every field type, as the refusals list them. */
export const TYPES =
  'short_text, long_text, wysiwyg, html, markdown, number, date, checkbox, dropdown, media, color, reference, component, component_picker, repeater';
/** The options of the text field types, as the refusals list them. */
export const TEXT_OPTIONS = 'required, localized, help_text, min_length, max_length, pattern';

/** A document with every section and the common field types (docs/schema.md). */
export function example(): Record<string, unknown> {
  return {
    locales: [
      { slug: 'en', name: 'English', default: true },
      { slug: 'es', name: 'Spanish' },
    ],
    components: { seo: { fields: { title: { type: 'short_text' }, description: { type: 'long_text' } } } },
    page_types: {
      landing_page: {
        name: 'Landing page',
        fields: {
          headline: { type: 'short_text', required: true, max_length: 120 },
          hero_image: { type: 'media' },
          seo: { type: 'component', component: 'seo' },
          body: { type: 'component_picker', components: ['seo'] },
          faq: { type: 'repeater', fields: { question: { type: 'short_text' }, answer: { type: 'wysiwyg' } } },
          related: { type: 'reference', to: 'page_type:landing_page', many: true },
          brand: { type: 'reference', to: 'collection:brands' },
        },
      },
    },
    single_pages: { homepage: { name: 'Homepage', fields: { headline: { type: 'short_text' } } } },
    collections: {
      brands: { name: 'Brands', fields: { name: { type: 'short_text', required: true }, logo: { type: 'media' } } },
    },
  };
}

/** A document with one page type `p` holding the given fields (plus a collection and a component to point at). */
export function withFields(
  fields: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    components: { seo: { fields: { title: { type: 'short_text' } } } },
    page_types: { p: { name: 'P', fields } },
    collections: { brands: { name: 'Brands', fields: {} } },
    ...extra,
  };
}

/** The problems `doc` is refused with; none when it is accepted. */
export function errorsOf(doc: unknown): string[] {
  const result = validateSchemaDocument(doc);
  return result.ok ? [] : result.errors;
}
