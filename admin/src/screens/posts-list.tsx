import { useEffect, useState } from 'react';
import { POST_STATUSES } from '../../../src/shared/posts';
import { roleAtLeast } from '../../../src/shared/roles';
import { api, accountPath, qs } from '../api';
import { FilterSearch, FilterSelect } from '../components/list-filters';
import { StatusCell } from '../components/status-cell';
import { useAccount } from '../context';
import { Link, navigate, useRoute } from '../router';
import type { Paged } from '../types';
import { Empty, ErrorNotice, Loading, useLoad, when } from '../ui';
import { Pager } from './pages-list';
import { authorName, type PostSummary } from './post-shapes';

const capitalized = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Blog posts: every post's newest version, with a status filter and search. */
export function PostsList() {
  const { account } = useAccount();
  const { query } = useRoute();
  const status = query.get('status') ?? '';
  const search = query.get('query') ?? '';
  const page = Number(query.get('page') ?? '1') || 1;
  const [searchText, setSearchText] = useState(search);
  useEffect(() => setSearchText(search), [search]);
  const list = useLoad(
    () =>
      api<Paged<PostSummary>>(
        'GET',
        accountPath(account.id, `/posts${qs({ status, query: search, page, page_size: 20 })}`),
      ),
    [account.id, status, search, page],
  );
  const go = (patch: Record<string, string>) => navigate(`/posts${qs({ status, query: search, page: '', ...patch })}`);
  return (
    <section>
      <div className="heading-row">
        <h1>Blog posts</h1>
        {roleAtLeast(account.role, 'editor') && (
          <Link className="button primary" to="/posts/new">
            New post
          </Link>
        )}
      </div>
      <form
        className="filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          go({ query: searchText.trim() });
        }}
      >
        <FilterSelect id="filter-status" label="Status" value={status} onChange={(v) => go({ status: v })}>
          <option value="">Any</option>
          {POST_STATUSES.map((s) => (
            <option key={s} value={s}>
              {capitalized(s)}
            </option>
          ))}
        </FilterSelect>
        <FilterSearch value={searchText} onChange={setSearchText} placeholder="Title, summary or text" />
        <button type="submit">Search</button>
      </form>
      {list.loading && !list.data ? (
        <Loading what="posts" />
      ) : list.error ? (
        <ErrorNotice error={list.error} />
      ) : !list.data || list.data.data.length === 0 ? (
        <Empty>
          {search || status ? 'No posts match these filters.' : 'No posts yet.'}{' '}
          {roleAtLeast(account.role, 'editor') && <Link to="/posts/new">Write a post</Link>}
        </Empty>
      ) : (
        <>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Blog posts</caption>
              <thead>
                <tr>
                  <th scope="col">Title</th>
                  <th scope="col" className="hide-phone">
                    Author
                  </th>
                  <th scope="col">Status</th>
                  <th scope="col" className="hide-phone">
                    Published / scheduled
                  </th>
                  <th scope="col" className="hide-phone">
                    Updated
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.data.data.map((p) => (
                  <tr key={p.slug}>
                    <td>
                      <Link to={`/posts/${encodeURIComponent(p.slug)}`}>{p.title || p.slug}</Link>
                      <br />
                      <code className="hint">{p.slug}</code>
                    </td>
                    <td className="hide-phone">{authorName(p.author)}</td>
                    <td>
                      <StatusCell status={p.status} scheduled={p.scheduled} />
                    </td>
                    <td className="hide-phone">{when(p.status === 'scheduled' ? p.scheduled : p.published)}</td>
                    <td className="hide-phone">{when(p.updated)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager meta={list.data.meta} onPage={(n) => go({ page: String(n) })} />
        </>
      )}
    </section>
  );
}
