// Schemas for test/generate-types.test.ts, and where their generated files are kept: the client's
// type test (client/test/types) compiles those files, so they must stay what the generator makes.
import { fileURLToPath } from 'node:url';
import type { SchemaDocument } from '../src/content/schema/types.js';

export const TYPES_DIR = fileURLToPath(new URL('../client/test/types/', import.meta.url));
export const DEMO_TYPES_FILE = `${TYPES_DIR}demo-cms-types.ts`;
export const EDGE_TYPES_FILE = `${TYPES_DIR}edge-cms-types.ts`;
/** The header source the kept files were generated with (the first account of a fresh install). */
export const DEMO_SOURCE = 'account 1 (Demo)';
export const EDGE_SOURCE = 'account 1 (Edge)';

/**
 * Everything that makes naming and quoting hard: keys that collide once PascalCased
 * (`landing-page` / `landing_page`, a single page named like a page type), keys that would
 * shadow globals or the file's own names (`date`, `page_types`), a slug starting with a digit,
 * a repeater inside a component, text that needs escaping in literals and comments, self-references.
 */
export const edgeSchema: SchemaDocument = {
  locales: [
    { slug: 'en', name: 'English', default: true },
    { slug: 'fr-ca', name: 'Canadian French' },
  ],
  components: {
    array: { fields: { items: { type: 'long_text' } } },
    step: {
      name: 'Step',
      fields: {
        text: { type: 'markdown', help_text: 'Closes a comment? */ Not here.\nSecond line.' },
        link: { type: 'reference', to: 'page_type:landing-page' },
        inner: { type: 'component', component: 'array' },
        substeps: { type: 'repeater', fields: { done: { type: 'checkbox' }, at: { type: 'date' } } },
      },
    },
  },
  page_types: {
    'landing-page': {
      name: 'Landing (hyphen)',
      fields: {
        title: { type: 'short_text', required: true },
        steps: { type: 'component_picker', components: ['step', 'array'] },
        hue: { type: 'color' },
      },
    },
    landing_page: {
      name: 'Landing (underscore)',
      fields: {
        guide: {
          type: 'repeater',
          fields: {
            title: { type: 'short_text' },
            see_also: { type: 'reference', to: 'page_type:landing_page' },
          },
        },
        step: { type: 'component', component: 'step' },
        next: { type: 'reference', to: 'page_type:landing_page' },
        dates: { type: 'reference', to: 'collection:date', many: true },
      },
    },
    date: { name: 'Date', fields: { when: { type: 'date' } } },
    page_types: { name: 'Page types', fields: {} },
  },
  single_pages: {
    '404': {
      name: 'Not "found"',
      fields: {
        message: { type: 'long_text' },
        mood: { type: 'dropdown', options: ['say "hi"', 'back\\slash', "it's"] },
        html: { type: 'html' },
      },
    },
    'landing-page': { name: 'Landing single', fields: { hero: { type: 'media' } } },
  },
  collections: {
    date: {
      name: 'Dates',
      fields: {
        day: { type: 'date', required: true },
        score: { type: 'number', min: 0 },
        seen: { type: 'reference', to: 'collection:date', many: true },
        landing: { type: 'reference', to: 'page_type:landing-page' },
      },
    },
  },
};
