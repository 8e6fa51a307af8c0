import { useState } from 'react';
import type { DeliverySummary, WebhookSummary } from '../../../src/shared/webhooks';
import { api, accountPath } from '../api';
import { useSubmit } from '../hooks/use-submit';
import { ErrorNotice, Notice, when } from '../ui';
import { DeliveryLog } from './delivery-log';

/** One webhook: its settings, actions and delivery log. */
export function WebhookCard({
  accountId,
  hook,
  onChanged,
  onDelete,
}: {
  accountId: number;
  hook: WebhookSummary;
  onChanged: () => void;
  onDelete: () => void;
}) {
  const { busy, error, notice, run } = useSubmit();
  const [tick, setTick] = useState(0);
  const [showLog, setShowLog] = useState(true);
  const logId = `webhook-log-${hook.id}`;

  const toggle = () =>
    run(async () => {
      await api('PUT', accountPath(accountId, `/webhooks/${hook.id}`), { enabled: !hook.enabled });
      onChanged();
      return hook.enabled
        ? 'Disabled: no new deliveries are made for it.'
        : 'Enabled: content changes are delivered again.';
    });
  const test = () =>
    run(async () => {
      const { data } = await api<{ data: DeliverySummary }>(
        'POST',
        accountPath(accountId, `/webhooks/${hook.id}/test`),
      );
      setTick((t) => t + 1);
      setShowLog(true);
      const answer = data.status === 'delivered' ? `HTTP ${data.last_status}` : (data.last_error ?? 'no answer');
      return data.status === 'delivered'
        ? `Test sent: the receiver answered ${answer}.`
        : `Test not delivered (${data.status}): ${answer}.`;
    });

  return (
    <li className="card webhook" data-webhook-id={hook.id}>
      <div className="heading-row">
        <h2 className="webhook-url">
          <code>{hook.url}</code>
        </h2>
        <span className={hook.enabled ? 'badge status-published' : 'badge muted'}>
          {hook.enabled ? 'enabled' : 'disabled'}
        </span>
      </div>
      <dl className="features">
        <dt>Events</dt>
        <dd>
          {hook.events.map((e) => (
            <code key={e} className="event-name">
              {e}{' '}
            </code>
          ))}
        </dd>
        <dt>Custom headers</dt>
        <dd>
          {Object.keys(hook.headers).length ? Object.keys(hook.headers).map((k) => <code key={k}>{k} </code>) : 'none'}
        </dd>
        <dt>Added</dt>
        <dd>{when(hook.created)}</dd>
      </dl>
      <div className="actions">
        <button type="button" onClick={test} disabled={busy} aria-label={`Send test to ${hook.url}`}>
          Send test
        </button>
        <button
          type="button"
          onClick={toggle}
          disabled={busy}
          aria-label={`${hook.enabled ? 'Disable' : 'Enable'} webhook ${hook.url}`}
        >
          {hook.enabled ? 'Disable' : 'Enable'}
        </button>
        <button type="button" onClick={() => setShowLog(!showLog)} aria-expanded={showLog} aria-controls={logId}>
          {showLog ? 'Hide delivery log' : 'Show delivery log'}
        </button>
        <button
          type="button"
          className="danger"
          onClick={onDelete}
          disabled={busy}
          aria-label={`Delete webhook ${hook.url}`}
        >
          Delete
        </button>
      </div>
      <ErrorNotice error={error} />
      {notice && <Notice kind={/^Test not/.test(notice) ? 'info' : 'ok'}>{notice}</Notice>}
      <div id={logId} hidden={!showLog}>
        {showLog && <DeliveryLog accountId={accountId} hook={hook} tick={tick} />}
      </div>
    </li>
  );
}
