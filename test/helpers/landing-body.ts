/**
 * A write body for a complete landing page of the demo schema: page creates need every field
 * present (docs/api.md §6). `extra` overrides or adds fields.
 */
export function landingBody(slug: string, extra: Record<string, unknown> = {}) {
  return {
    title: `Title ${slug}`,
    slug,
    page_type: 'landing_page',
    status: 'published',
    fields: {
      headline: `Headline ${slug}`,
      summary: '',
      body: '<p>Body</p>',
      notes: '',
      embed: '',
      hero_image: '',
      theme: '#112233',
      launch_date: '2026-01-02',
      priority: 5,
      featured: false,
      layout: 'wide',
      seo: { title: 'SEO', description: '' },
      sections: [],
      faq: [],
      related: [],
      brand: '',
      ...extra,
    },
  };
}
