import { demoPosts, type DemoPost } from '../../src/seed/demo-post-content.js';
import type { Clock } from '../../src/time.js';

/** ISO 8601 with six fractional digits and Z, as every API timestamp. */
export const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** The keys of a post object, in their order (docs/api.md §3). */
export const POST_KEYS = [
  'status',
  'created',
  'updated',
  'published',
  'scheduled',
  'title',
  'slug',
  'body',
  'summary',
  'seo_title',
  'meta_description',
  'featured_image',
  'featured_image_alt',
  'url',
  'author',
  'tags',
  'categories',
];

/** The keys of an author object, in the contract's order. */
export const AUTHOR_KEYS = [
  'first_name',
  'last_name',
  'email',
  'slug',
  'bio',
  'title',
  'linkedin_url',
  'facebook_url',
  'instagram_url',
  'pinterest_url',
  'twitter_handle',
  'profile_image',
];

/** The demo's published posts, newest first (what readers see without preview). */
export const publishedDemo: DemoPost[] = demoPosts
  .filter((p) => p.when !== 'scheduled' && p.when !== 'draft')
  .sort((a, b) => (a.when < b.when ? 1 : -1));

/** Slugs of the published demo posts matching a predicate, newest first. */
export function demoSlugs(match: (p: DemoPost) => boolean = () => true): string[] {
  return publishedDemo.filter(match).map((p) => p.slug);
}

/** The demo post with that slug. */
export function demoPost(slug: string): DemoPost {
  const post = demoPosts.find((p) => p.slug === slug);
  if (!post) throw new Error(`no demo post ${slug}`);
  return post;
}

/** A clock the test moves: starts at the real now (the demo's scheduled post is a month ahead). */
export function movableClock(): Clock & { advance(ms: number): void; set(date: Date): void } {
  let offset = 0;
  const clock = (() => new Date(Date.now() + offset)) as Clock & { advance(ms: number): void; set(date: Date): void };
  clock.advance = (ms) => void (offset += ms);
  clock.set = (date) => void (offset = date.getTime() - Date.now());
  return clock;
}

export const DAY_MS = 24 * 60 * 60 * 1000;

/** A minimal valid post body for writes. */
export function postBody(slug: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { title: `Title of ${slug}`, slug, status: 'published', body: `<p>Body of ${slug}</p>`, ...extra };
}
