import { useState, type FormEvent } from 'react';
import { api, accountPath, ApiError, qs } from '../api';
import { useAccount } from '../context';
import { can } from '../types';
import { Confirm, Empty, ErrorNotice, Loading, Notice, useLoad, when } from '../ui';

// Settings > Webhooks (docs/webhooks.md): the account's webhooks and their delivery log.

interface Webhook {
  id: number;
  url: string;
  events: string[];
  headers: Record<string, string>;
  enabled: boolean;
  created: string;
  secret?: string;
}

interface Delivery {
  id: number;
  webhook_id: number;
  event: string;
  status: 'pending' | 'failed' | 'delivered' | 'dead';
  attempts: number;
  next_attempt_at: string | null;
  last_status: number | null;
  last_error: string | null;
  created: string;
  delivered_at: string | null;
}

/** The ButterCMS event names, by family; the `.all` catch-alls first. */
const FAMILIES: { label: string; events: string[] }[] = [
  { label: 'Pages', events: ['page.all', 'page.published', 'page.draft', 'page.unpublished', 'page.delete'] },
  { label: 'Collection items', events: ['collectionitem.all', 'collectionitem.published', 'collectionitem.draft', 'collectionitem.unpublished', 'collectionitem.delete'] },
  { label: 'Blog posts', events: ['post.all', 'post.published', 'post.draft', 'post.delete'] },
];
const CATCH_ALLS = FAMILIES.map((f) => f.events[0]!);
const PAGE_SIZE = 10;

function planMessage(plan: string): string {
  return `The ${plan} plan does not include webhooks, so none can be added. Upgrading the plan enables them (see Usage & plan).`;
}

/** A webhook's signing secret, shown once after it is added: masked until revealed. */
function FreshSecret({ hook, onDone }: { hook: Webhook; onDone: () => void }) {
  const [shown, setShown] = useState(false);
  const [copied, setCopied] = useState('');
  const secret = hook.secret!;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('Copied to the clipboard.');
    } catch {
      setShown(true);
      setCopied('Copying is not allowed here: select the secret and copy it yourself.');
    }
  };
  return (
    <div className="card fresh-token" role="region" aria-label="Signing secret of the new webhook">
      <h2>Signing secret of the new webhook</h2>
      <p>Copy it now and give it to your receiver to verify the <code>webhook-signature</code> header: this is the only time it is shown.</p>
      <div className="token-row">
        <code className="token-value" data-testid="webhook-secret" data-secret={shown ? secret : undefined}>
          {shown ? secret : `whsec_${'•'.repeat(24)}${secret.slice(-4)}`}
        </code>
        <button type="button" onClick={() => setShown(!shown)} aria-pressed={shown}>{shown ? 'Hide' : 'Reveal'}</button>
        <button type="button" onClick={copy}>Copy</button>
        <button type="button" onClick={onDone}>Done</button>
      </div>
      {copied && <Notice kind="ok">{copied}</Notice>}
    </div>
  );
}

/** The form that adds a webhook: URL, events as checkboxes, custom headers as rows. */
function AddWebhook({ accountId, allowed, plan, onAdded }: { accountId: number; allowed: boolean; plan: string; onAdded: (hook: Webhook) => void }) {
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<string[]>(CATCH_ALLS);
  const [headers, setHeaders] = useState<{ name: string; value: string }[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fields = error instanceof ApiError ? error.fields : {};

  const toggle = (event: string, on: boolean) => setEvents((list) => (on ? [...list, event] : list.filter((e) => e !== event)));
  const setHeader = (i: number, patch: Partial<{ name: string; value: string }>) => setHeaders((rows) => rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (events.length === 0) {
      setError(new ApiError(400, 'Some fields need attention: see the messages beside them.', { events: ['Choose at least one event.'] }));
      return;
    }
    setBusy(true);
    try {
      const body = {
        url: url.trim(),
        events,
        headers: Object.fromEntries(headers.filter((h) => h.name.trim()).map((h) => [h.name.trim(), h.value])),
      };
      const { data } = await api<{ data: Webhook }>('POST', accountPath(accountId, '/webhooks'), body);
      setUrl('');
      setEvents(CATCH_ALLS);
      setHeaders([]);
      onAdded(data);
    } catch (err) {
      setError(err instanceof ApiError && err.status === 403 ? new ApiError(403, planMessage(plan)) : err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card" onSubmit={submit} aria-labelledby="add-webhook-title" noValidate>
      <h2 id="add-webhook-title">Add a webhook</h2>
      {!allowed && <p className="hint" id="webhook-gate">{planMessage(plan)}</p>}
      <ErrorNotice error={error} />
      <fieldset className="plain" disabled={!allowed || busy}>
        <div className={fields.url ? 'field invalid' : 'field'}>
          <label htmlFor="webhook-url">Target URL <span className="req" aria-hidden="true">*</span></label>
          <input id="webhook-url" type="url" required value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://example.com/hooks/ghee"
            aria-invalid={fields.url ? true : undefined} aria-describedby={fields.url ? 'webhook-url-error' : undefined} />
          {fields.url && <p className="field-error" id="webhook-url-error">{fields.url.join(' ')}</p>}
        </div>
        <fieldset className="group" aria-describedby={fields.events ? 'webhook-events-error' : 'webhook-events-hint'}>
          <legend>Events</legend>
          <p className="hint" id="webhook-events-hint">A <code>.all</code> catch-all subscribes to the whole family; the event sent is still the specific one.</p>
          <div className="stats">
            {FAMILIES.map((f) => (
              <div key={f.label}>
                <strong>{f.label}</strong>
                {f.events.map((ev) => (
                  <div key={ev}>
                    <label className="check">
                      <input type="checkbox" checked={events.includes(ev)} onChange={(e) => toggle(ev, e.target.checked)} />
                      <code>{ev}</code>
                    </label>
                  </div>
                ))}
              </div>
            ))}
          </div>
          {fields.events && <p className="field-error" id="webhook-events-error">{fields.events.join(' ')}</p>}
        </fieldset>
        <fieldset className="group" aria-describedby={fields.headers ? 'webhook-headers-error' : 'webhook-headers-hint'}>
          <legend>Custom headers (optional)</legend>
          <p className="hint" id="webhook-headers-hint">Sent with every request, e.g. a build hook's token. Ghee sets <code>Content-Type</code>, <code>User-Agent</code> and <code>webhook-*</code> itself.</p>
          {headers.map((h, i) => (
            <div className="inline-form" key={i} style={{ marginBottom: '.5rem' }}>
              <div className="field grow">
                <label htmlFor={`webhook-header-name-${i}`}>Header {i + 1} name</label>
                <input id={`webhook-header-name-${i}`} value={h.name} onChange={(e) => setHeader(i, { name: e.target.value })} placeholder="X-Build-Token" />
              </div>
              <div className="field grow">
                <label htmlFor={`webhook-header-value-${i}`}>Header {i + 1} value</label>
                <input id={`webhook-header-value-${i}`} value={h.value} onChange={(e) => setHeader(i, { value: e.target.value })} />
              </div>
              <button type="button" className="danger" onClick={() => setHeaders((rows) => rows.filter((_, j) => j !== i))} aria-label={`Remove header ${i + 1}`}>Remove</button>
            </div>
          ))}
          <button type="button" onClick={() => setHeaders((rows) => [...rows, { name: '', value: '' }])} disabled={headers.length >= 20}>Add a header</button>
          {fields.headers && <p className="field-error" id="webhook-headers-error">{fields.headers.join(' ')}</p>}
        </fieldset>
        <button type="submit" className="primary" aria-describedby={allowed ? undefined : 'webhook-gate'}>{busy ? 'Adding…' : 'Add webhook'}</button>
      </fieldset>
    </form>
  );
}

/** The delivery log of one webhook, newest first, with Replay. */
function DeliveryLog({ accountId, hook, tick }: { accountId: number; hook: Webhook; tick: number }) {
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [note, setNote] = useState('');
  const list = useLoad(
    () => api<{ meta: { count: number }; data: Delivery[] }>('GET', accountPath(accountId, `/webhooks/${hook.id}/deliveries${qs({ page, page_size: PAGE_SIZE, status })}`)),
    [accountId, hook.id, page, status, tick],
  );
  const replay = async (d: Delivery) => {
    setError(null);
    setNote('');
    try {
      await api('POST', accountPath(accountId, `/webhooks/${hook.id}/deliveries/${d.id}/replay`));
      setNote(`Delivery ${d.id} is due again: it goes out within a few seconds.`);
      list.reload();
    } catch (e) {
      setError(e);
    }
  };
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
            <select id={statusId} value={status} onChange={(e) => { setStatus(e.target.value); setPage(1); }}>
              <option value="">All</option>
              <option value="pending">Pending</option>
              <option value="failed">Failed (retrying)</option>
              <option value="delivered">Delivered</option>
              <option value="dead">Dead (given up)</option>
            </select>
          </div>
          <button type="button" onClick={list.reload}>Refresh</button>
        </div>
      </div>
      <ErrorNotice error={error} />
      {note && <Notice kind="ok">{note}</Notice>}
      {list.loading && !list.data ? <Loading what="deliveries" /> : list.error ? <ErrorNotice error={list.error} /> : rows.length === 0 ? (
        <Empty>{status ? 'No deliveries with this status.' : 'No deliveries yet. Use “Send test” or change some content.'}</Empty>
      ) : (
        <>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Deliveries of {hook.url}</caption>
              <thead>
                <tr><th scope="col">Event</th><th scope="col">Status</th><th scope="col">Attempts</th><th scope="col">Last answer</th><th scope="col">Created</th><th scope="col" className="hide-phone">Next attempt / delivered</th><th scope="col">Actions</th></tr>
              </thead>
              <tbody>
                {rows.map((d) => (
                  <tr key={d.id} data-delivery-id={d.id}>
                    <td><code>{d.event}</code></td>
                    <td><span className={`badge delivery-${d.status}`}>{d.status}</span></td>
                    <td>{d.attempts}</td>
                    <td className="delivery-error">{d.last_error ?? (d.last_status !== null ? `HTTP ${d.last_status}` : '—')}</td>
                    <td>{when(d.created)}</td>
                    <td className="hide-phone">{d.status === 'delivered' ? when(d.delivered_at) : d.status === 'dead' ? '—' : when(d.next_attempt_at)}</td>
                    <td><button type="button" className="small" onClick={() => replay(d)} aria-label={`Replay delivery ${d.id} (${d.event})`}>Replay</button></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {pages > 1 && (
            <nav className="pager" aria-label={`Pages of deliveries of ${hook.url}`}>
              <button type="button" onClick={() => setPage(page - 1)} disabled={page <= 1}>Newer</button>
              <span>Page {page} of {pages}</span>
              <button type="button" onClick={() => setPage(page + 1)} disabled={page >= pages}>Older</button>
            </nav>
          )}
        </>
      )}
    </div>
  );
}

/** One webhook: its settings, actions and delivery log. */
function WebhookCard({ accountId, hook, onChanged, onDelete }: { accountId: number; hook: Webhook; onChanged: () => void; onDelete: () => void }) {
  const [error, setError] = useState<unknown>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [tick, setTick] = useState(0);
  const [showLog, setShowLog] = useState(true);
  const logId = `webhook-log-${hook.id}`;

  const run = async (fn: () => Promise<string>) => {
    setError(null);
    setNote('');
    setBusy(true);
    try {
      setNote(await fn());
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const toggle = () => run(async () => {
    await api('PUT', accountPath(accountId, `/webhooks/${hook.id}`), { enabled: !hook.enabled });
    onChanged();
    return hook.enabled ? 'Disabled: no new deliveries are made for it.' : 'Enabled: content changes are delivered again.';
  });
  const test = () => run(async () => {
    const { data } = await api<{ data: Delivery }>('POST', accountPath(accountId, `/webhooks/${hook.id}/test`));
    setTick((t) => t + 1);
    setShowLog(true);
    const answer = data.status === 'delivered' ? `HTTP ${data.last_status}` : data.last_error ?? 'no answer';
    return data.status === 'delivered' ? `Test sent: the receiver answered ${answer}.` : `Test not delivered (${data.status}): ${answer}.`;
  });

  return (
    <li className="card webhook" data-webhook-id={hook.id}>
      <div className="heading-row">
        <h2 className="webhook-url"><code>{hook.url}</code></h2>
        <span className={hook.enabled ? 'badge status-published' : 'badge muted'}>{hook.enabled ? 'enabled' : 'disabled'}</span>
      </div>
      <dl className="features">
        <dt>Events</dt>
        <dd>{hook.events.map((e) => <code key={e} className="event-name">{e} </code>)}</dd>
        <dt>Custom headers</dt>
        <dd>{Object.keys(hook.headers).length ? Object.keys(hook.headers).map((k) => <code key={k}>{k} </code>) : 'none'}</dd>
        <dt>Added</dt>
        <dd>{when(hook.created)}</dd>
      </dl>
      <div className="actions">
        <button type="button" onClick={test} disabled={busy} aria-label={`Send test to ${hook.url}`}>Send test</button>
        <button type="button" onClick={toggle} disabled={busy} aria-label={`${hook.enabled ? 'Disable' : 'Enable'} webhook ${hook.url}`}>{hook.enabled ? 'Disable' : 'Enable'}</button>
        <button type="button" onClick={() => setShowLog(!showLog)} aria-expanded={showLog} aria-controls={logId}>{showLog ? 'Hide delivery log' : 'Show delivery log'}</button>
        <button type="button" className="danger" onClick={onDelete} disabled={busy} aria-label={`Delete webhook ${hook.url}`}>Delete</button>
      </div>
      <ErrorNotice error={error} />
      {note && <Notice kind={/^Test not/.test(note) ? 'info' : 'ok'}>{note}</Notice>}
      <div id={logId} hidden={!showLog}>
        {showLog && <DeliveryLog accountId={accountId} hook={hook} tick={tick} />}
      </div>
    </li>
  );
}

/** Settings > Webhooks: the account's webhooks; add, enable/disable, delete, test; the delivery log with Replay. */
export function Webhooks() {
  const { account } = useAccount();
  const admin = can(account.role, 'admin');
  const list = useLoad(() => (admin ? api<{ data: Webhook[] }>('GET', accountPath(account.id, '/webhooks')).then((r) => r.data) : Promise.resolve([])), [account.id]);
  const [fresh, setFresh] = useState<Webhook | null>(null);
  const [deleting, setDeleting] = useState<Webhook | null>(null);
  const [error, setError] = useState<unknown>(null);
  const allowed = account.features?.webhooks ?? false;

  if (!admin) {
    return (
      <section>
        <h1>Webhooks</h1>
        <Notice kind="info">Only admins and owners of this account can see and manage its webhooks. You are a {account.role}.</Notice>
      </section>
    );
  }
  const remove = async (hook: Webhook) => {
    setError(null);
    try {
      await api('DELETE', accountPath(account.id, `/webhooks/${hook.id}`));
      list.reload();
    } catch (e) {
      setError(e);
    }
  };
  const hooks = list.data ?? [];
  return (
    <section>
      <h1>Webhooks</h1>
      <p className="lead">Ghee POSTs a ButterCMS-style JSON event to your URL when content changes, signed with the webhook's secret (Standard Webhooks), and retries failed deliveries for 24 hours.</p>
      <ErrorNotice error={error} />
      {fresh && <FreshSecret hook={fresh} onDone={() => setFresh(null)} />}
      <AddWebhook accountId={account.id} allowed={allowed} plan={account.plan} onAdded={(hook) => { setFresh(hook); list.reload(); }} />
      {list.loading && !list.data ? <Loading what="webhooks" /> : list.error ? <ErrorNotice error={list.error} /> : hooks.length === 0 ? (
        <Empty>This account has no webhooks yet.{allowed ? ' Add one above to be told when content changes.' : ''}</Empty>
      ) : (
        <ul className="webhook-list" aria-label="Webhooks">
          {hooks.map((h) => (
            <WebhookCard key={h.id} accountId={account.id} hook={h} onChanged={list.reload} onDelete={() => setDeleting(h)} />
          ))}
        </ul>
      )}
      {deleting && (
        <Confirm title="Delete this webhook?" confirmLabel="Delete webhook" danger onCancel={() => setDeleting(null)} onConfirm={() => { void remove(deleting); setDeleting(null); }}>
          <p><code>{deleting.url}</code> will receive no more events, and its delivery log is deleted with it. This cannot be undone.</p>
        </Confirm>
      )}
    </section>
  );
}
