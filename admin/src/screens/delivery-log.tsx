import { useState } from 'react';
import type { DeliveryStatus, DeliverySummary, WebhookSummary } from '../../../src/shared/webhooks';
import { api, accountPath, qs } from '../api';
import { useSubmit } from '../hooks/use-submit';
import { Empty, ErrorNotice, Loading, Notice, useLoad, when } from '../ui';

const PAGE_SIZE = 10;

/** The status filter's choices, in the order a delivery goes through them. */
const STATUS_LABELS: Record<DeliveryStatus, string> = {
  pending: 'Pending',
  failed: 'Failed (retrying)',
  delivered: 'Delivered',
  dead: 'Dead (given up)',
};

/** The delivery log of one webhook, newest first, with Replay. */
export function DeliveryLog({ accountId, hook, tick }: { accountId: number; hook: WebhookSummary; tick: number }) {
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState('');
  const { error, notice, run } = useSubmit();
  const list = useLoad(
    () =>
      api<{ meta: { count: number }; data: DeliverySummary[] }>(
        'GET',
        accountPath(accountId, `/webhooks/${hook.id}/deliveries${qs({ page, page_size: PAGE_SIZE, status })}`),
      ),
    [accountId, hook.id, page, status, tick],
  );
  const replay = (d: DeliverySummary) =>
    run(async () => {
      await api('POST', accountPath(accountId, `/webhooks/${hook.id}/deliveries/${d.id}/replay`));
      list.reload();
      return `Delivery ${d.id} is due again: it goes out within a few seconds.`;
    });
  const rows = list.data?.data ?? [];
  const count = list.data?.meta.count ?? 0;
  const pages = Math.max(1, Math.ceil(count / PAGE_SIZE));
  const statusId = `delivery-status-${hook.id}`;
  return (
    <div className="delivery-log" aria-label={`Delivery log of ${hook.url}`} role="region">
      <div className="heading-row">
        <h3>Delivery log</h3>
        <div className="filters" style={{ marginBottom: 0 }}>
          <div className="field">
            <label htmlFor={statusId}>Status</label>
            <select
              id={statusId}
              value={status}
              onChange={(e) => {
                setStatus(e.target.value);
                setPage(1);
              }}
            >
              <option value="">All</option>
              {Object.entries(STATUS_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <button type="button" onClick={list.reload}>
            Refresh
          </button>
        </div>
      </div>
      <ErrorNotice error={error} />
      {notice && <Notice kind="ok">{notice}</Notice>}
      {list.loading && !list.data ? (
        <Loading what="deliveries" />
      ) : list.error ? (
        <ErrorNotice error={list.error} />
      ) : rows.length === 0 ? (
        <Empty>
          {status ? 'No deliveries with this status.' : 'No deliveries yet. Use “Send test” or change some content.'}
        </Empty>
      ) : (
        <>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Deliveries of {hook.url}</caption>
              <thead>
                <tr>
                  <th scope="col">Event</th>
                  <th scope="col">Status</th>
                  <th scope="col">Attempts</th>
                  <th scope="col">Last answer</th>
                  <th scope="col">Created</th>
                  <th scope="col" className="hide-phone">
                    Next attempt / delivered
                  </th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((d) => (
                  <tr key={d.id} data-delivery-id={d.id}>
                    <td>
                      <code>{d.event}</code>
                    </td>
                    <td>
                      <span className={`badge delivery-${d.status}`}>{d.status}</span>
                    </td>
                    <td>{d.attempts}</td>
                    <td className="delivery-error">
                      {d.last_error ?? (d.last_status !== null ? `HTTP ${d.last_status}` : '—')}
                    </td>
                    <td>{when(d.created)}</td>
                    <td className="hide-phone">
                      {d.status === 'delivered'
                        ? when(d.delivered_at)
                        : d.status === 'dead'
                          ? '—'
                          : when(d.next_attempt_at)}
                    </td>
                    <td>
                      <button
                        type="button"
                        className="small"
                        onClick={() => replay(d)}
                        aria-label={`Replay delivery ${d.id} (${d.event})`}
                      >
                        Replay
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {pages > 1 && (
            <nav className="pager" aria-label={`Pages of deliveries of ${hook.url}`}>
              <button type="button" onClick={() => setPage(page - 1)} disabled={page <= 1}>
                Newer
              </button>
              <span>
                Page {page} of {pages}
              </span>
              <button type="button" onClick={() => setPage(page + 1)} disabled={page >= pages}>
                Older
              </button>
            </nav>
          )}
        </>
      )}
    </div>
  );
}
