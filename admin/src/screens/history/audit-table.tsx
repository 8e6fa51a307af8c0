import type { Paged } from '../../types';
import { Empty } from '../../ui';
import { Pager } from '../pages-list';
import type { AuditRecord } from './history-api';
import { toTheSecond, whoText } from './history-format';

/** What a record changed: an entry's slug (and id), or its id alone. */
function targetText(r: AuditRecord): string {
  const { id, slug } = r.target;
  if (slug && id) return `${slug} (#${id})`;
  return slug ?? (id ? `#${id}` : '—');
}

/** The audit records, newest first, with what else each names. */
export function AuditTable({
  list,
  filtered,
  onPage,
}: {
  list: Paged<AuditRecord>;
  filtered: boolean;
  onPage: (page: number) => void;
}) {
  if (list.data.length === 0)
    return <Empty>{filtered ? 'No records match these filters.' : 'Nothing has been recorded yet.'}</Empty>;
  return (
    <>
      <div className="table-wrap">
        <table className="audit-table">
          <caption className="visually-hidden">Audit records, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Actor</th>
              <th scope="col">Action</th>
              <th scope="col">Kind</th>
              <th scope="col">Target</th>
              <th scope="col" className="hide-phone">
                Client
              </th>
              <th scope="col" className="hide-phone">
                Request id
              </th>
              <th scope="col" className="hide-phone">
                Detail
              </th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((r) => (
              <tr key={r.id} data-audit-id={r.id}>
                <td>
                  <time dateTime={r.at}>{toTheSecond(r.at)}</time>
                </td>
                <td>{whoText(r.actor)}</td>
                <td>
                  <code>{r.action}</code>
                </td>
                <td>{r.kind}</td>
                <td>{targetText(r)}</td>
                <td className="hide-phone">{r.client ?? '—'}</td>
                <td className="hide-phone">
                  <code className="request-id">{r.request_id ?? '—'}</code>
                </td>
                <td className="hide-phone audit-detail">{r.detail ? JSON.stringify(r.detail) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager meta={list.meta} onPage={onPage} />
    </>
  );
}
