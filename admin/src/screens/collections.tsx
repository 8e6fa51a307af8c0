import type { ExportedSchema } from '../../../src/shared/field-types';
import { roleAtLeast } from '../../../src/shared/roles';
import { api, accountPath, qs } from '../api';
import { FilterSelect } from '../components/list-filters';
import { StatusCell } from '../components/status-cell';
import { useAccount } from '../context';
import { Link, navigate, useRoute } from '../router';
import { humanize, loadSchema } from '../schema';
import type { EntrySummary, Paged } from '../types';
import { Empty, ErrorNotice, Loading, useLoad, when } from '../ui';
import { Pager } from './pages-list';

function cell(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'object') return Array.isArray(v) ? `${v.length} item${v.length === 1 ? '' : 's'}` : '…';
  const s = String(v).replace(/<[^>]*>/g, '');
  return s.length > 60 ? s.slice(0, 59) + '…' : s;
}

/** Content > Collections: pick a collection, then its items as a paged table, filtered by locale and status. */
export function Collections({ collection }: { collection: string | null }) {
  const { account } = useAccount();
  const { query } = useRoute();
  const page = Number(query.get('page') ?? '1') || 1;
  const locale = query.get('locale') ?? '';
  const status = query.get('status') ?? '';
  const schema = useLoad<ExportedSchema>(() => loadSchema(account.id), [account.id]);
  const key = collection ?? Object.keys(schema.data?.collections ?? {})[0] ?? null;
  const items = useLoad(
    () =>
      key
        ? api<Paged<EntrySummary>>(
            'GET',
            accountPath(account.id, `/items/${encodeURIComponent(key)}${qs({ page, page_size: 20, locale, status })}`),
          )
        : Promise.resolve(null),
    [account.id, key, page, locale, status],
  );
  const go = (patch: Record<string, string | number>) =>
    navigate(`/collections/${encodeURIComponent(key ?? '')}${qs({ locale, status, ...patch })}`);
  if (schema.loading) return <Loading what="collections" />;
  if (schema.error) return <ErrorNotice error={schema.error} />;
  const collections = Object.entries(schema.data!.collections);
  if (!collections.length) {
    return (
      <section>
        <h1>Collections</h1>
        <Empty>
          No collections yet. Define one under <Link to="/content-types">Content Types</Link>.
        </Empty>
      </section>
    );
  }
  const def = key ? schema.data!.collections[key] : undefined;
  const columns = Object.keys(def?.fields ?? {}).slice(0, 4);
  return (
    <section>
      <div className="heading-row">
        <h1>Collections</h1>
        {key && roleAtLeast(account.role, 'editor') && (
          <Link className="button primary" to={`/collections/${encodeURIComponent(key)}/new`}>
            New item
          </Link>
        )}
      </div>
      <div className="filters">
        <div className="field">
          <label htmlFor="collection-pick">Collection</label>
          <select
            id="collection-pick"
            value={key ?? ''}
            onChange={(e) => navigate(`/collections/${encodeURIComponent(e.target.value)}`)}
          >
            {collections.map(([k, c]) => (
              <option key={k} value={k}>
                {c.name ?? k}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="collection-locale">Locale</label>
          <select id="collection-locale" value={locale} onChange={(e) => go({ locale: e.target.value })}>
            <option value="">Default</option>
            {account.locales.map((l) => (
              <option key={l.slug} value={l.slug}>
                {l.name}
              </option>
            ))}
          </select>
        </div>
        <FilterSelect id="filter-status" label="Status" value={status} onChange={(v) => go({ status: v })}>
          <option value="">Any</option>
          <option value="draft">Draft</option>
          <option value="published">Published</option>
          <option value="scheduled">Scheduled</option>
        </FilterSelect>
      </div>
      {!def ? (
        <ErrorNotice
          error={new Error(`There is no collection "${key}". Check the key under Content Types › Collections.`)}
        />
      ) : items.loading && !items.data ? (
        <Loading what="items" />
      ) : items.error ? (
        <ErrorNotice error={items.error} />
      ) : !items.data || items.data.data.length === 0 ? (
        <Empty>{status ? 'No items match this filter.' : `No items in ${def.name ?? key} yet.`}</Empty>
      ) : (
        <>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{def.name ?? key} items</caption>
              <thead>
                <tr>
                  <th scope="col">Id</th>
                  {columns.map((c) => (
                    <th scope="col" key={c}>
                      {humanize(c)}
                    </th>
                  ))}
                  <th scope="col">Status</th>
                  <th scope="col">Updated</th>
                </tr>
              </thead>
              <tbody>
                {items.data.data.map((it) => (
                  <tr key={it.id}>
                    <td>
                      <Link
                        to={`/collections/${encodeURIComponent(key!)}/${it.id}${qs({ locale })}`}
                        aria-label={`Edit item ${it.id}`}
                      >
                        #{it.id}
                      </Link>
                    </td>
                    {columns.map((c) => (
                      <td key={c}>{cell(it.fields?.[c])}</td>
                    ))}
                    <td>
                      <StatusCell status={it.status} scheduled={it.scheduled} unpublishAt={it.unpublish_at} />
                    </td>
                    <td>{when(it.updated)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager meta={items.data.meta} onPage={(n) => go({ page: n })} />
        </>
      )}
    </section>
  );
}
