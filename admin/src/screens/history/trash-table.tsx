import type { Paged } from '../../types';
import { Empty, when } from '../../ui';
import { Pager } from '../pages-list';
import type { TrashRow } from './history-api';
import { KIND_NAMES, whoText } from './history-format';

/** Where the entry lived: a page's type and slug, an item's collection and id, a post's slug. */
function place(row: TrashRow): string {
  if (row.kind === 'page') return `${row.page_type ?? 'single page'} / ${row.slug}`;
  if (row.kind === 'item') return `${row.key} #${row.id}`;
  return row.slug ?? '';
}

/** The trash's rows, with Restore and Purge where the role allows them. */
export function TrashTable({
  list,
  filtered,
  busy,
  onPage,
  onRestore,
  onPurge,
}: {
  list: Paged<TrashRow>;
  filtered: boolean;
  busy: boolean;
  onPage: (page: number) => void;
  onRestore?: (row: TrashRow) => void;
  onPurge?: (row: TrashRow) => void;
}) {
  if (list.data.length === 0)
    return <Empty>{filtered ? 'Nothing of this kind in the trash.' : 'The trash is empty.'}</Empty>;
  return (
    <>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Deleted entries, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Kind</th>
              <th scope="col" className="hide-phone">
                Where
              </th>
              <th scope="col">Deleted</th>
              <th scope="col" className="hide-phone">
                By
              </th>
              <th scope="col" className="hide-phone">
                Purged after
              </th>
              {(onRestore || onPurge) && <th scope="col">Actions</th>}
            </tr>
          </thead>
          <tbody>
            {list.data.map((row) => (
              <tr key={`${row.kind}/${row.trash_id}`} data-trash-id={row.trash_id}>
                <td>{row.name}</td>
                <td>{KIND_NAMES[row.kind]}</td>
                <td className="hide-phone">
                  <code>{place(row)}</code>
                </td>
                <td>{when(row.deleted)}</td>
                <td className="hide-phone">{whoText(row.deleted_by)}</td>
                <td className="hide-phone">{when(row.purge_after)}</td>
                {(onRestore || onPurge) && (
                  <td>
                    <div className="row-actions">
                      {onRestore && (
                        <button
                          type="button"
                          className="small"
                          disabled={busy}
                          onClick={() => onRestore(row)}
                          aria-label={`Restore ${row.name}`}
                        >
                          Restore
                        </button>
                      )}
                      {onPurge && (
                        <button
                          type="button"
                          className="small danger"
                          disabled={busy}
                          onClick={() => onPurge(row)}
                          aria-label={`Purge ${row.name}`}
                        >
                          Purge
                        </button>
                      )}
                    </div>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager meta={list.meta} onPage={onPage} />
    </>
  );
}
