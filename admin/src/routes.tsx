import { useEffect } from 'react';
import { navigate, useRoute } from './router';
import { BlogTerms } from './screens/blog-terms';
import { ContentTypes } from './screens/content-types';
import { Collections } from './screens/collections';
import { AuditLog } from './screens/history/audit-log';
import { EntryHistory } from './screens/history/entry-history';
import { historySubject } from './screens/history/history-subject';
import { Trash } from './screens/history/trash';
import { ItemEdit } from './screens/item-edit';
import { Localization } from './screens/localization';
import { Media } from './screens/media';
import { PageEdit } from './screens/page-edit';
import { PagesList } from './screens/pages-list';
import { PostEdit } from './screens/post-edit';
import { PostsList } from './screens/posts-list';
import { ScheduleAgenda } from './screens/schedule/schedule-agenda';
import { Site } from './screens/site';
import { Tokens } from './screens/tokens';
import { UsagePlan } from './screens/usage';
import { Users } from './screens/users';
import { Webhooks } from './screens/webhooks';

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, true), [to]);
  return null;
}

/** Picks the screen for a dashboard path. */
export function Routes({ path }: { path: string }) {
  const { query } = useRoute();
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const [a, b, c, d] = parts;
  const history = historySubject(a, b, c, d);
  if (history) return <EntryHistory key={history.entryPath} subject={history} />;
  if (a === 'pages' && b === 'new') return <PageEdit key="new" isNew typeKey={query.get('type') ?? ''} slug="" />;
  if (a === 'pages' && b && c) return <PageEdit key={`${b}/${c}`} typeKey={b} slug={c} />;
  if (a === 'pages') return <PagesList />;
  if (a === 'collections' && b && c === 'new') return <ItemEdit key={`${b}/new`} collection={b} id={null} />;
  if (a === 'collections' && b && c) return <ItemEdit key={`${b}/${c}`} collection={b} id={Number(c)} />;
  if (a === 'collections') return <Collections collection={b ?? null} />;
  if (a === 'posts' && b === 'new') return <PostEdit key="new" isNew slug="" />;
  if (a === 'posts' && b) return <PostEdit key={b} slug={b} />;
  if (a === 'posts') return <PostsList />;
  if (a === 'schedule') return <ScheduleAgenda />;
  if (a === 'blog-terms') return <BlogTerms />;
  if (a === 'media') return <Media />;
  if (a === 'content-types') return <ContentTypes />;
  if (a === 'settings' && b === 'tokens') return <Tokens />;
  if (a === 'settings' && b === 'users') return <Users />;
  if (a === 'settings' && b === 'localization') return <Localization />;
  if (a === 'settings' && b === 'webhooks') return <Webhooks />;
  if (a === 'settings' && b === 'site') return <Site />;
  if (a === 'usage') return <UsagePlan />;
  if (a === 'trash') return <Trash />;
  if (a === 'audit') return <AuditLog />;
  if (!a || a === 'settings') return <Redirect to={a === 'settings' ? '/settings/tokens' : '/pages'} />;
  return (
    <section>
      <h1>Not found</h1>
      <p>There is no screen at this address. Use the menu to go on.</p>
    </section>
  );
}
