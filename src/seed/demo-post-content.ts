// The demo blog: a second author besides the account's owner, and a dozen posts (ten published
// on fixed dates, one scheduled a month ahead of the seeding, one draft). Titles and bodies hold
// `&`, `<` and quotes on purpose: the feeds must escape them.

export const demoAuthor = {
  firstName: 'Gita',
  lastName: 'Ghee',
  email: 'gita@demo.invalid',
  slug: 'gita-ghee',
  bio: 'Cooks with clarified butter every day and writes about it every week.',
  title: 'Head chef',
  twitterHandle: 'gitaghee',
  linkedinUrl: 'https://www.linkedin.com/in/gitaghee',
};

export interface DemoPost {
  slug: string;
  title: string;
  /** The owner (`demo`) or the second author. */
  author: 'demo' | 'gita-ghee';
  /** A fixed publication date, or `scheduled` (a month after seeding), or `draft`. */
  when: string | 'scheduled' | 'draft';
  categories: string[];
  tags: string[];
  summary: string;
  body: string;
}

export const demoPosts: DemoPost[] = [
  {
    slug: 'hello-world',
    title: 'Hello, world',
    author: 'demo',
    when: '2025-01-06T09:00:00Z',
    categories: ['News'],
    tags: ['ghee'],
    summary: 'The Ghee blog opens its doors.',
    body: '<p>Welcome to the <strong>Ghee</strong> blog.</p>',
  },
  {
    slug: 'what-is-ghee',
    title: 'What is ghee?',
    author: 'gita-ghee',
    when: '2025-02-03T09:00:00Z',
    categories: ['Kitchen science'],
    tags: ['ghee', 'butter'],
    summary: 'Clarified butter, cooked a little longer.',
    body: '<p>Ghee is butter simmered until the milk solids brown and the water is gone.</p>',
  },
  {
    slug: 'ghee-vs-butter',
    title: "Ghee & butter: what's the <difference>?",
    author: 'gita-ghee',
    when: '2025-03-10T09:00:00Z',
    categories: ['Kitchen science'],
    tags: ['butter'],
    summary: 'Smoke points, flavour & "nuttiness" compared.',
    body: '<h2>Smoke point</h2><p>Ghee smokes at 250 &deg;C; butter at 150 &deg;C &amp; burns.</p>',
  },
  {
    slug: 'golden-dal',
    title: 'Golden dal in twenty minutes',
    author: 'gita-ghee',
    when: '2025-04-14T09:00:00Z',
    categories: ['Recipes'],
    tags: ['vegetarian', 'quick'],
    summary: 'Red lentils, turmeric and a spoon of ghee.',
    body: '<ol><li>Rinse the lentils.</li><li>Simmer with turmeric.</li><li>Finish with a tadka in ghee.</li></ol>',
  },
  {
    slug: 'make-your-own-ghee',
    title: 'Make your own ghee',
    author: 'gita-ghee',
    when: '2025-05-19T09:00:00Z',
    categories: ['Recipes', 'Kitchen science'],
    tags: ['ghee'],
    summary: 'One pan, one pound of butter, thirty minutes.',
    body: '<p>Melt the butter over low heat and skim the foam. Strain through a cloth.</p>',
  },
  {
    slug: 'ghee-roast-potatoes',
    title: 'Crispy roast potatoes',
    author: 'gita-ghee',
    when: '2025-06-23T09:00:00Z',
    categories: ['Recipes'],
    tags: ['vegetarian'],
    summary: 'The crunchiest potatoes come out of ghee.',
    body: '<p>Parboil, rough them up, roast in hot ghee for forty minutes.</p>',
  },
  {
    slug: 'storing-ghee',
    title: 'How long does ghee keep?',
    author: 'demo',
    when: '2025-07-28T09:00:00Z',
    categories: ['Kitchen science'],
    tags: ['ghee'],
    summary: 'Months in the cupboard, a year in the fridge.',
    body: '<p>Without water or milk solids, ghee keeps for months at room temperature.</p>',
  },
  {
    slug: 'release-notes-1-0',
    title: 'Ghee 1.0 is out',
    author: 'demo',
    when: '2025-09-01T09:00:00Z',
    categories: ['News'],
    tags: ['release'],
    summary: 'Pages, collections and now a blog.',
    body: '<p>Read the <a href="https://example.com/docs">docs</a>.</p>',
  },
  {
    slug: 'ghee-popcorn',
    title: 'Ghee popcorn',
    author: 'gita-ghee',
    when: '2025-10-06T09:00:00Z',
    categories: ['Recipes'],
    tags: ['quick', 'vegetarian'],
    summary: 'Movie night, upgraded.',
    body: '<p>Pop the corn in two spoons of ghee; salt while hot.</p>',
  },
  {
    slug: 'brown-butter-cookies',
    title: 'Brown butter cookies',
    author: 'gita-ghee',
    when: '2025-11-10T09:00:00Z',
    categories: ['Recipes'],
    tags: ['butter'],
    summary: 'Nutty, chewy, dangerous.',
    body: '<p>Brown the butter first; let it cool before the sugar goes in.</p>',
  },
  {
    slug: 'winter-menu',
    title: 'Our winter menu',
    author: 'gita-ghee',
    when: 'scheduled',
    categories: ['News', 'Recipes'],
    tags: ['ghee'],
    summary: 'Scheduled: readers see it when its time comes.',
    body: '<p>Soups, stews and flatbreads brushed with ghee.</p>',
  },
  {
    slug: 'ghee-ice-cream',
    title: 'Ghee ice cream?',
    author: 'gita-ghee',
    when: 'draft',
    categories: ['Recipes'],
    tags: ['butter'],
    summary: 'A draft: visible with preview=1 only.',
    body: '<p>We are still testing this one.</p>',
  },
];
