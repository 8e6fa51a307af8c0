/**
 * Where every link of the feeds starts (ButterCMS's rule): the blog lives at `<site_url>/blog/`,
 * so a post is `<site_url>/blog/<slug>` and the feeds `<site_url>/blog/rss/` and `.../atom/`.
 * Without a site URL the links are relative (`<slug>`, `rss/`), exactly as ButterCMS writes them
 * for an account without one.
 */
export function blogRoot(siteUrl: string | null): string {
  return siteUrl ? `${siteUrl}/blog/` : '';
}
