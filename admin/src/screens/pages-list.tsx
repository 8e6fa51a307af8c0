import { useEffect, useState } from 'react';
import type { ExportedSchema } from '../../../src/shared/field-types';
import { roleAtLeast } from '../../../src/shared/roles';
import { api, accountPath, qs } from '../api';
import { FilterSearch, FilterSelect } from '../components/list-filters';
import { StatusCell } from '../components/status-cell';
import { useAccount } from '../context';
import { Link, navigate, useRoute } from '../router';
import { loadSchema } from '../schema';
import type { EntrySummary, Paged } from '../types';
import { Empty, ErrorNotice, Loading, useLoad, when } from '../ui';

/** Content > Pages: pages by type, with search, status (scheduled too) and locale filters, newest change first. */
export function PagesList() {
  const { account } = useAccount();
  const { query } = useRoute();
  const type = query.get('type') ?? '';
  const status = query.get('status') ?? '';
  const search = query.get('query') ?? '';
  const locale = query.get('locale') ?? '';
  const page = Number(query.get('page') ?? '1') || 1;
  const [searchText, setSearchText] = useState(search);
  useEffect(() => setSearchText(search), [search]);
  const schema = useLoad<ExportedSchema>(() => loadSchema(account.id), [account.id]);
  const list = useLoad(
    () =>
      api<Paged<EntrySummary>>(
        'GET',
        accountPath(account.id, `/pages${qs({ type, status, query: search, locale, page, page_size: 20 })}`),
      ),
    [account.id, type, status, search, locale, page],
  );
  const go = (patch: Record<string, string>) => {
    const next = { type, status, query: search, locale, page: '', ...patch };
    navigate(`/pages${qs(next)}`);
  };
  const typeName = (t: string | null | undefined, slug?: string) =>
    t
      ? (schema.data?.page_types[t]?.name ?? t)
      : schema.data?.single_pages[slug ?? '']?.name
        ? 'Single page'
        : 'Single page';
  const pageTypes = Object.entries(schema.data?.page_types ?? {});

  return (
    <section>
      <div className="heading-row">
        <h1>Pages</h1>
        {roleAtLeast(account.role, 'editor') && (
          <Link className="button primary" to={`/pages/new${qs({ type: type && type !== '*' ? type : '' })}`}>
            New page
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
        <FilterSelect id="filter-type" label="Page type" value={type} onChange={(v) => go({ type: v })}>
          <option value="">All pages</option>
          <option value="*">Single pages</option>
          {pageTypes.map(([k, t]) => (
            <option key={k} value={k}>
              {t.name ?? k}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect id="filter-status" label="Status" value={status} onChange={(v) => go({ status: v })}>
          <option value="">Any</option>
          <option value="draft">Draft</option>
          <option value="published">Published</option>
          <option value="scheduled">Scheduled</option>
        </FilterSelect>
        <FilterSelect id="filter-locale" label="Locale" value={locale} onChange={(v) => go({ locale: v })}>
          <option value="">Default</option>
          {account.locales.map((l) => (
            <option key={l.slug} value={l.slug}>
              {l.name}
            </option>
          ))}
        </FilterSelect>
        <FilterSearch value={searchText} onChange={setSearchText} placeholder="Name, slug or text" />
        <button type="submit">Search</button>
      </form>
      {list.loading && !list.data ? (
        <Loading what="pages" />
      ) : list.error ? (
        <ErrorNotice error={list.error} />
      ) : !list.data || list.data.data.length === 0 ? (
        <Empty>
          {search || status || type ? 'No pages match these filters.' : 'No pages yet.'}{' '}
          {roleAtLeast(account.role, 'editor') && <Link to="/pages/new">Create a page</Link>}
        </Empty>
      ) : (
        <>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Pages</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col" className="hide-phone">
                    Slug
                  </th>
                  <th scope="col">Type</th>
                  <th scope="col">Status</th>
                  <th scope="col" className="hide-phone">
                    Updated
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.data.data.map((p) => (
                  <tr key={`${p.page_type ?? '*'}/${p.slug}`}>
                    <td>
                      <Link
                        to={`/pages/${encodeURIComponent(p.page_type ?? '*')}/${encodeURIComponent(p.slug ?? '')}${qs({ locale })}`}
                      >
                        {p.name || p.slug}
                      </Link>
                    </td>
                    <td className="hide-phone">
                      <code>{p.slug}</code>
                    </td>
                    <td>{typeName(p.page_type, p.slug)}</td>
                    <td>
                      <StatusCell status={p.status} scheduled={p.scheduled} unpublishAt={p.unpublish_at} />
                    </td>
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

/** Previous/next paging with the total. */
export function Pager({ meta, onPage }: { meta: Paged<unknown>['meta']; onPage: (n: number) => void }) {
  return (
    <nav className="pager" aria-label="Pagination">
      <button
        type="button"
        disabled={meta.previous_page === null}
        onClick={() => meta.previous_page && onPage(meta.previous_page)}
      >
        Previous
      </button>
      <span>{meta.count} in all</span>
      <button type="button" disabled={meta.next_page === null} onClick={() => meta.next_page && onPage(meta.next_page)}>
        Next
      </button>
    </nav>
  );
}
