import { useState, type FormEvent } from 'react';
import { CATCH_ALLS, familyEvents, type EventFamily } from '../../../src/shared/webhook-events';
import type { NewWebhook } from '../../../src/shared/webhooks';
import { api, accountPath, ApiError } from '../api';
import { useSubmit } from '../hooks/use-submit';
import { ErrorNotice } from '../ui';

/** The event names by family, each family's `.all` catch-all first (docs/webhooks.md). */
const FAMILY_LABELS: Record<EventFamily, string> = {
  page: 'Pages',
  collectionitem: 'Collection items',
  post: 'Blog posts',
  media: 'Media library',
};
/** Content events, as ButterCMS sends them; media events are Ghee's own, so chosen, not given. */
const DEFAULT_EVENTS: string[] = CATCH_ALLS.filter((e) => e !== 'media.all');
const FAMILIES = (Object.keys(FAMILY_LABELS) as EventFamily[]).map((family) => ({
  label: FAMILY_LABELS[family],
  events: familyEvents(family),
}));

type HeaderRow = { name: string; value: string };

/** Why a plan without webhooks refuses one. */
function planMessage(plan: string): string {
  return `The ${plan} plan does not include webhooks, so none can be added. Upgrading the plan enables them (see Usage & plan).`;
}

/** The form that adds a webhook: URL, events as checkboxes, custom headers as rows. */
export function AddWebhook({
  accountId,
  allowed,
  plan,
  onAdded,
}: {
  accountId: number;
  allowed: boolean;
  plan: string;
  onAdded: (hook: NewWebhook) => void;
}) {
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<string[]>(DEFAULT_EVENTS);
  const [headers, setHeaders] = useState<HeaderRow[]>([]);
  const { busy, error, run } = useSubmit();
  const fields = error instanceof ApiError ? error.fields : {};

  const toggle = (event: string, on: boolean) =>
    setEvents((list) => (on ? [...list, event] : list.filter((e) => e !== event)));
  const setHeader = (i: number, patch: Partial<HeaderRow>) =>
    setHeaders((rows) => rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      if (events.length === 0)
        throw new ApiError(400, 'Some fields need attention: see the messages beside them.', {
          events: ['Choose at least one event.'],
        });
      const body = {
        url: url.trim(),
        events,
        headers: Object.fromEntries(headers.filter((h) => h.name.trim()).map((h) => [h.name.trim(), h.value])),
      };
      try {
        const { data } = await api<{ data: NewWebhook }>('POST', accountPath(accountId, '/webhooks'), body);
        setUrl('');
        setEvents(DEFAULT_EVENTS);
        setHeaders([]);
        onAdded(data);
      } catch (err) {
        throw err instanceof ApiError && err.status === 403 ? new ApiError(403, planMessage(plan)) : err;
      }
    });
  };

  return (
    <form className="card" onSubmit={submit} aria-labelledby="add-webhook-title" noValidate>
      <h2 id="add-webhook-title">Add a webhook</h2>
      {!allowed && (
        <p className="hint" id="webhook-gate">
          {planMessage(plan)}
        </p>
      )}
      <ErrorNotice error={error} />
      <fieldset className="plain" disabled={!allowed || busy}>
        <div className={fields.url ? 'field invalid' : 'field'}>
          <label htmlFor="webhook-url">
            Target URL{' '}
            <span className="req" aria-hidden="true">
              *
            </span>
          </label>
          <input
            id="webhook-url"
            type="url"
            required
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            placeholder="https://example.com/hooks/ghee"
            aria-invalid={fields.url ? true : undefined}
            aria-describedby={fields.url ? 'webhook-url-error' : undefined}
          />
          {fields.url && (
            <p className="field-error" id="webhook-url-error">
              {fields.url.join(' ')}
            </p>
          )}
        </div>
        <fieldset className="group" aria-describedby={fields.events ? 'webhook-events-error' : 'webhook-events-hint'}>
          <legend>Events</legend>
          <p className="hint" id="webhook-events-hint">
            A <code>.all</code> catch-all subscribes to the whole family; the event sent is still the specific one.
          </p>
          <div className="stats">
            {FAMILIES.map((f) => (
              <div key={f.label}>
                <strong>{f.label}</strong>
                {f.events.map((ev) => (
                  <div key={ev}>
                    <label className="check">
                      <input
                        type="checkbox"
                        checked={events.includes(ev)}
                        onChange={(e) => toggle(ev, e.target.checked)}
                      />
                      <code>{ev}</code>
                    </label>
                  </div>
                ))}
              </div>
            ))}
          </div>
          {fields.events && (
            <p className="field-error" id="webhook-events-error">
              {fields.events.join(' ')}
            </p>
          )}
        </fieldset>
        <fieldset
          className="group"
          aria-describedby={fields.headers ? 'webhook-headers-error' : 'webhook-headers-hint'}
        >
          <legend>Custom headers (optional)</legend>
          <p className="hint" id="webhook-headers-hint">
            Sent with every request, e.g. a build hook's token. Ghee sets <code>Content-Type</code>,{' '}
            <code>User-Agent</code> and <code>webhook-*</code> itself.
          </p>
          {headers.map((h, i) => (
            <div className="inline-form" key={i} style={{ marginBottom: '.5rem' }}>
              <div className="field grow">
                <label htmlFor={`webhook-header-name-${i}`}>Header {i + 1} name</label>
                <input
                  id={`webhook-header-name-${i}`}
                  value={h.name}
                  onChange={(e) => setHeader(i, { name: e.target.value })}
                  placeholder="X-Build-Token"
                />
              </div>
              <div className="field grow">
                <label htmlFor={`webhook-header-value-${i}`}>Header {i + 1} value</label>
                <input
                  id={`webhook-header-value-${i}`}
                  value={h.value}
                  onChange={(e) => setHeader(i, { value: e.target.value })}
                />
              </div>
              <button
                type="button"
                className="danger"
                onClick={() => setHeaders((rows) => rows.filter((_, j) => j !== i))}
                aria-label={`Remove header ${i + 1}`}
              >
                Remove
              </button>
            </div>
          ))}
          <button
            type="button"
            onClick={() => setHeaders((rows) => [...rows, { name: '', value: '' }])}
            disabled={headers.length >= 20}
          >
            Add a header
          </button>
          {fields.headers && (
            <p className="field-error" id="webhook-headers-error">
              {fields.headers.join(' ')}
            </p>
          )}
        </fieldset>
        <button type="submit" className="primary" aria-describedby={allowed ? undefined : 'webhook-gate'}>
          {busy ? 'Adding…' : 'Add webhook'}
        </button>
      </fieldset>
    </form>
  );
}
