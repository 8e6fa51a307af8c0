import { recentPosts, type RecentGroup } from '../../blog/recent-posts.js';
import { renderPosts } from '../../blog/render-posts.js';
import type { ApiCall } from '../../http/define-routes.js';
import { blogScope, includesRecentPosts } from './blog-params.js';

/**
 * Authors, categories or tags as the API shows them, each with `recent_posts` (its newest
 * published posts, full post objects) when the query asks `include=recent_posts`. The posts of
 * every group are read and rendered together: a fixed number of queries, whatever the groups.
 */
export async function withRecentPosts(
  call: ApiCall,
  group: RecentGroup,
  items: { id: number; object: object }[],
): Promise<object[]> {
  if (!includesRecentPosts(call.query)) return items.map((item) => item.object);
  const { ctx } = call;
  // Only what readers see: recent_posts takes no preview.
  const scope = blogScope(call, { preview: false });
  const byGroup = await recentPosts(
    ctx.store.db,
    scope,
    group,
    items.map((item) => item.id),
  );
  const rows = [...byGroup.values()].flat();
  const rendered = await renderPosts(ctx.store.db, scope, rows, {
    publicUrl: ctx.config.publicUrl,
    mediaPublicUrl: ctx.config.mediaPublicUrl,
    deleted: true,
  });
  const posts = new Map<object, Record<string, unknown>>(rows.map((row, i) => [row, rendered[i]!]));
  return items.map((item) => ({
    ...item.object,
    recent_posts: (byGroup.get(item.id) ?? []).map((row) => posts.get(row)!),
  }));
}
