// The demo account's content, in English and Spanish. Written through the same operation as
// the write API, so the demo exercises validation, references and versions for real.

export const demoCategories = [
  { name: { en: 'Kitchen tools', es: 'Utensilios' }, slug: 'tools' },
  { name: { en: 'Food', es: 'Comida' }, slug: 'food' },
];

export const demoBrands = [
  { name: 'Acme', website: 'https://acme.example', founded: 1949, category: 0 },
  { name: 'Golden Ghee Co', website: 'https://golden.example', founded: 2011, category: 1 },
  { name: 'Butter Bros', website: 'https://butterbros.example', founded: 1987, category: 1 },
];

interface DemoPage {
  slug: string;
  name: string;
  status: 'published' | 'draft';
  shared: { theme: string; launch_date: string; priority: number; featured: boolean; layout: string };
  brand: number | null;
  related: string[];
  en: { headline: string; summary: string; body: string };
  es: { headline: string; summary: string; body: string };
  /** A newer draft over the published version, seen only with preview=1. */
  draft?: { headline: string };
}

export const demoPages: DemoPage[] = [
  {
    slug: 'about-us',
    name: 'About us',
    status: 'published',
    brand: 2,
    related: [],
    shared: { theme: '#f5c542', launch_date: '2024-03-01', priority: 30, featured: false, layout: 'narrow' },
    en: {
      headline: 'Who we are',
      summary: 'A small team that loves clarified butter.',
      body: '<p>We started in a kitchen.</p>',
    },
    es: {
      headline: 'Quiénes somos',
      summary: 'Un pequeño equipo que ama la mantequilla clarificada.',
      body: '<p>Empezamos en una cocina.</p>',
    },
  },
  {
    slug: 'pricing',
    name: 'Pricing',
    status: 'published',
    brand: 0,
    related: ['about-us'],
    shared: { theme: '#1e88e5', launch_date: '2024-06-15', priority: 60, featured: true, layout: 'wide' },
    en: {
      headline: 'Simple pricing',
      summary: 'One plan for every kitchen.',
      body: '<p>Pay for what you <strong>use</strong>.</p>',
    },
    es: {
      headline: 'Precios simples',
      summary: 'Un plan para cada cocina.',
      body: '<p>Paga por lo que <strong>usas</strong>.</p>',
    },
    draft: { headline: 'Simpler pricing, coming soon' },
  },
  {
    slug: 'launch',
    name: 'Launch',
    status: 'published',
    brand: 1,
    related: ['pricing', 'about-us'],
    shared: { theme: '#e53935', launch_date: '2025-01-20T09:00:00Z', priority: 90, featured: true, layout: 'wide' },
    en: {
      headline: 'Ghee has launched',
      summary: 'The headless CMS that melts into your stack.',
      body: '<h2>Hello</h2><p>Read the <a href="https://example.com/docs">docs</a>.</p>',
    },
    es: {
      headline: 'Ghee ya está aquí',
      summary: 'El CMS headless que se funde con tu stack.',
      body: '<h2>Hola</h2><p>Lee la <a href="https://example.com/docs">documentación</a>.</p>',
    },
  },
  {
    slug: 'coming-soon',
    name: 'Coming soon',
    status: 'draft',
    brand: null,
    related: ['launch'],
    shared: { theme: '#43a047', launch_date: '2027-01-01', priority: 10, featured: false, layout: 'narrow' },
    en: {
      headline: 'Something new is cooking',
      summary: 'Not published yet: visible with preview=1.',
      body: '<p>Stay tuned.</p>',
    },
    es: {
      headline: 'Algo nuevo se cocina',
      summary: 'Aún sin publicar: visible con preview=1.',
      body: '<p>Atentos.</p>',
    },
  },
];

export const demoHomepage = {
  en: { headline: 'Welcome to Ghee', intro: '<p>Content for every screen.</p>' },
  es: { headline: 'Bienvenido a Ghee', intro: '<p>Contenido para cada pantalla.</p>' },
  featured: 'launch',
};
