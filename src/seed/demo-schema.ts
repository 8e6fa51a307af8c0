import type { SchemaDocument } from '../content/schema/types.js';

/** The demo account's schema: every field type, references two levels deep, two locales. */
export const demoSchema: SchemaDocument = {
  locales: [
    { slug: 'en', name: 'English', default: true },
    { slug: 'es', name: 'Spanish' },
  ],
  components: {
    seo: { name: 'SEO', fields: { title: { type: 'short_text', max_length: 70 }, description: { type: 'long_text' } } },
    cta: {
      name: 'Call to action',
      fields: { label: { type: 'short_text', required: true }, url: { type: 'short_text' } },
    },
  },
  page_types: {
    landing_page: {
      name: 'Landing page',
      fields: {
        headline: { type: 'short_text', required: true, max_length: 120 },
        summary: { type: 'long_text' },
        body: { type: 'wysiwyg' },
        notes: { type: 'markdown' },
        embed: { type: 'html' },
        hero_image: { type: 'media' },
        theme: { type: 'color', localized: false },
        launch_date: { type: 'date', localized: false },
        priority: { type: 'number', min: 0, max: 100, localized: false },
        featured: { type: 'checkbox', localized: false },
        layout: { type: 'dropdown', options: ['wide', 'narrow'], localized: false },
        seo: { type: 'component', component: 'seo' },
        sections: { type: 'component_picker', components: ['seo', 'cta'] },
        faq: { type: 'repeater', fields: { question: { type: 'short_text' }, answer: { type: 'wysiwyg' } } },
        related: { type: 'reference', to: 'page_type:landing_page', many: true },
        brand: { type: 'reference', to: 'collection:brands' },
      },
    },
  },
  single_pages: {
    homepage: {
      name: 'Homepage',
      fields: {
        headline: { type: 'short_text', required: true },
        intro: { type: 'wysiwyg' },
        featured: { type: 'reference', to: 'page_type:landing_page' },
      },
    },
  },
  collections: {
    categories: {
      name: 'Categories',
      fields: { name: { type: 'short_text', required: true }, slug: { type: 'short_text', pattern: '^[a-z0-9-]+$' } },
    },
    brands: {
      name: 'Brands',
      fields: {
        name: { type: 'short_text', required: true },
        logo: { type: 'media' },
        website: { type: 'short_text' },
        founded: { type: 'number' },
        category: { type: 'reference', to: 'collection:categories' },
      },
    },
  },
};
