import { useState, type ReactNode } from 'react';
import type { Paged } from '../../types';
import { Pager } from '../pages-list';
import { Empty, when } from '../../ui';
import type { VersionSummary } from './history-api';
import { whoText } from './history-format';

/**
 * An entry's versions, newest first: open one, or tick two and compare them. `restore` is the
 * control an editor gets on each row (none for a viewer).
 */
export function VersionList({
  list,
  onPage,
  onOpen,
  onCompare,
  restore,
}: {
  list: Paged<VersionSummary>;
  onPage: (page: number) => void;
  onOpen: (id: number) => void;
  onCompare: (older: number, newer: number) => void;
  restore?: (v: VersionSummary) => ReactNode;
}) {
  // The last two ticked: ticking a third lets go of the first.
  const [chosen, setChosen] = useState<number[]>([]);
  const toggle = (id: number, on: boolean) =>
    setChosen((c) => (on ? [...c.filter((x) => x !== id), id].slice(-2) : c.filter((x) => x !== id)));
  if (list.data.length === 0) return <Empty>No versions here yet: every save keeps one.</Empty>;
  const [a, b] = [...chosen].sort((x, y) => x - y);
  return (
    <>
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={chosen.length !== 2}
          onClick={() => a !== undefined && b !== undefined && onCompare(a, b)}
        >
          Compare selected
        </button>
        <span className="hint">{chosen.length === 2 ? `#${a} with #${b}` : 'Tick two versions to compare them.'}</span>
      </div>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Versions, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Compare</th>
              <th scope="col">Version</th>
              <th scope="col">Saved</th>
              <th scope="col">Status</th>
              <th scope="col" className="hide-phone">
                Locale
              </th>
              <th scope="col">By</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((v) => (
              <tr key={v.id} data-version-id={v.id}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Compare version #${v.id}`}
                    checked={chosen.includes(v.id)}
                    onChange={(e) => toggle(v.id, e.target.checked)}
                  />
                </td>
                <td>
                  #{v.id}
                  {v.restored_from !== null && (
                    <span className="hint version-note">restored from #{v.restored_from}</span>
                  )}
                </td>
                <td>{when(v.created)}</td>
                <td>
                  <span className={`badge status-${v.status}`}>{v.status}</span>
                </td>
                <td className="hide-phone">{v.locale ?? '—'}</td>
                <td>{whoText(v.author)}</td>
                <td>
                  <div className="row-actions">
                    <button
                      type="button"
                      className="small"
                      onClick={() => onOpen(v.id)}
                      aria-label={`Open version #${v.id}`}
                    >
                      Open
                    </button>
                    {restore?.(v)}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager meta={list.meta} onPage={onPage} />
    </>
  );
}
