// ButterCMS's sample landing page (its starter projects' `landing-page` page type): an `seo`
// component and a `body` component picker whose `features` and `testimonials` components each
// hold a repeater. One addition: each testimonial row names a brand (a reference inside a
// repeater inside a picked component), so `levels` and "who points at me" are tested through it.
import type { SchemaDocument } from '../../src/content/schema/types.js';
import { demoSchema } from '../../src/seed/demo-schema.js';

const text = { type: 'short_text' } as const;

/** The sample's components (the demo already has `seo`: title and description). */
export const butterLandingComponents: NonNullable<SchemaDocument['components']> = {
  hero: {
    name: 'Hero',
    fields: {
      headline: text,
      subheadline: { type: 'long_text' },
      image: { type: 'media' },
      button_label: text,
      button_url: text,
      scroll_anchor_id: text,
    },
  },
  two_column_with_image: {
    name: 'Two column with image',
    fields: {
      headline: text,
      subheadline: { type: 'wysiwyg' },
      button_label: text,
      button_url: text,
      image: { type: 'media' },
      image_position: { type: 'dropdown', options: ['left', 'right'] },
      scroll_anchor_id: text,
    },
  },
  features: {
    name: 'Features',
    fields: {
      headline: text,
      subheadline: { type: 'long_text' },
      features: {
        type: 'repeater',
        fields: {
          headline: { type: 'short_text', required: true },
          description: { type: 'long_text' },
          icon: { type: 'media' },
        },
      },
      scroll_anchor_id: text,
    },
  },
  testimonials: {
    name: 'Testimonials',
    fields: {
      headline: text,
      testimonial: {
        type: 'repeater',
        fields: {
          quote: { type: 'long_text' },
          name: text,
          title: text,
          brand: { type: 'reference', to: 'collection:brands' },
        },
      },
      scroll_anchor_id: text,
    },
  },
};

/** The sample's page type, keyed as ButterCMS keys it. */
export const butterLandingPageType = {
  name: 'Landing Page',
  fields: {
    seo: { type: 'component', component: 'seo' },
    body: { type: 'component_picker', components: ['hero', 'two_column_with_image', 'features', 'testimonials'] },
  },
} as const;

/** The demo schema with the sample landing page added. */
export const butterLandingSchema: SchemaDocument = {
  ...demoSchema,
  components: { ...demoSchema.components, ...butterLandingComponents },
  page_types: {
    ...demoSchema.page_types,
    'landing-page': butterLandingPageType as unknown as NonNullable<SchemaDocument['page_types']>[string],
  },
};

/** A body as the sample's pages have it: a hero, two columns, three features, testimonials naming `brands`. */
export function butterLandingBody(brands: number[]): unknown[] {
  return [
    {
      type: 'hero',
      fields: {
        headline: 'Headless CMS',
        subheadline: 'Fast to build with',
        button_label: 'Start',
        button_url: '/start',
        scroll_anchor_id: 'home',
      },
    },
    {
      type: 'two_column_with_image',
      fields: {
        headline: 'Why us',
        subheadline: '<p>Because <script>alert(1)</script>it works</p>',
        image_position: 'left',
        scroll_anchor_id: 'why',
      },
    },
    {
      type: 'features',
      fields: {
        headline: 'Features',
        subheadline: 'What you get',
        features: [
          { headline: 'Fast', description: 'Quick load times' },
          { headline: 'Easy', description: 'Any stack' },
          { headline: 'Safe', description: 'Sanitised' },
        ],
        scroll_anchor_id: 'features',
      },
    },
    {
      type: 'testimonials',
      fields: {
        headline: 'What they say',
        testimonial: brands.map((brand, i) => ({
          quote: `Quote ${i + 1}`,
          name: `Name ${i + 1}`,
          title: 'CTO',
          brand,
        })),
        scroll_anchor_id: 'said',
      },
    },
  ];
}

/** A complete POST /v2/pages/ body for a sample landing page. */
export function butterLandingPage(slug: string, brands: number[]) {
  return {
    title: `Landing ${slug}`,
    slug,
    page_type: 'landing-page',
    status: 'published',
    fields: { seo: { title: 'SEO title', description: '' }, body: butterLandingBody(brands) },
  };
}
