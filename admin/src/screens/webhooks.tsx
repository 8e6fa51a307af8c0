import { useState } from 'react';
import { roleAtLeast } from '../../../src/shared/roles';
import type { NewWebhook, WebhookSummary } from '../../../src/shared/webhooks';
import { api, accountPath } from '../api';
import { useAccount } from '../context';
import { useSubmit } from '../hooks/use-submit';
import { Confirm, Empty, ErrorNotice, Loading, Notice, useLoad } from '../ui';
import { AddWebhook } from './add-webhook';
import { WebhookCard } from './webhook-card';
import { WebhookSecret } from './webhook-secret';

// Settings > Webhooks (docs/webhooks.md): the account's webhooks and their delivery log.

/** Settings > Webhooks: the account's webhooks; add, enable/disable, delete, test; the delivery log with Replay. */
export function Webhooks() {
  const { account } = useAccount();
  const admin = roleAtLeast(account.role, 'admin');
  const list = useLoad(
    () =>
      admin
        ? api<{ data: WebhookSummary[] }>('GET', accountPath(account.id, '/webhooks')).then((r) => r.data)
        : Promise.resolve([]),
    [account.id],
  );
  const [fresh, setFresh] = useState<NewWebhook | null>(null);
  const [deleting, setDeleting] = useState<WebhookSummary | null>(null);
  const { error, run } = useSubmit();
  const allowed = account.features?.webhooks ?? false;

  if (!admin) {
    return (
      <section>
        <h1>Webhooks</h1>
        <Notice kind="info">
          Only admins and owners of this account can see and manage its webhooks. You are a {account.role}.
        </Notice>
      </section>
    );
  }
  const remove = (hook: WebhookSummary) =>
    run(async () => {
      await api('DELETE', accountPath(account.id, `/webhooks/${hook.id}`));
      list.reload();
    });
  const hooks = list.data ?? [];
  return (
    <section>
      <h1>Webhooks</h1>
      <p className="lead">
        Ghee POSTs a ButterCMS-style JSON event to your URL when content changes, signed with the webhook's secret
        (Standard Webhooks), and retries failed deliveries for 24 hours.
      </p>
      <ErrorNotice error={error} />
      {fresh && <WebhookSecret hook={fresh} onDone={() => setFresh(null)} />}
      <AddWebhook
        accountId={account.id}
        allowed={allowed}
        plan={account.plan}
        onAdded={(hook) => {
          setFresh(hook);
          list.reload();
        }}
      />
      {list.loading && !list.data ? (
        <Loading what="webhooks" />
      ) : list.error ? (
        <ErrorNotice error={list.error} />
      ) : hooks.length === 0 ? (
        <Empty>
          This account has no webhooks yet.{allowed ? ' Add one above to be told when content changes.' : ''}
        </Empty>
      ) : (
        <ul className="webhook-list" aria-label="Webhooks">
          {hooks.map((h) => (
            <WebhookCard
              key={h.id}
              accountId={account.id}
              hook={h}
              onChanged={list.reload}
              onDelete={() => setDeleting(h)}
            />
          ))}
        </ul>
      )}
      {deleting && (
        <Confirm
          title="Delete this webhook?"
          confirmLabel="Delete webhook"
          danger
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            void remove(deleting);
            setDeleting(null);
          }}
        >
          <p>
            <code>{deleting.url}</code> will receive no more events, and its delivery log is deleted with it. This
            cannot be undone.
          </p>
        </Confirm>
      )}
    </section>
  );
}
