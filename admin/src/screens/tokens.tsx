import { useState } from 'react';
import { roleAtLeast } from '../../../src/shared/roles';
import type { IssuedToken, TokenKind, TokenSummary } from '../../../src/shared/tokens';
import { api, accountPath } from '../api';
import { ShownOnce } from '../components/shown-once';
import { useAccount } from '../context';
import { useSubmit } from '../hooks/use-submit';
import { Confirm, Empty, ErrorNotice, Loading, Notice, useLoad, when } from '../ui';

/** A token's full value, shown once after it is created or rotated. */
function FreshToken({ token, onDone }: { token: IssuedToken; onDone: () => void }) {
  return (
    <ShownOnce
      title={`Your new ${token.kind} token`}
      noun="the token"
      intro="Copy it now: Ghee keeps only a hash, so this is the only time it can be shown."
      value={token.token}
      masked={`${token.prefix}${'•'.repeat(24)}${token.last4}`}
      testId="new-token"
      valueAttribute="token"
      onDone={onDone}
    />
  );
}

/** Settings > API Tokens: the read and write tokens of the account; create, rotate, revoke. */
export function Tokens() {
  const { account } = useAccount();
  const admin = roleAtLeast(account.role, 'admin');
  const list = useLoad(
    () =>
      admin
        ? api<{ data: TokenSummary[] }>('GET', accountPath(account.id, '/tokens')).then((r) => r.data)
        : Promise.resolve([]),
    [account.id],
  );
  const [fresh, setFresh] = useState<IssuedToken | null>(null);
  const { error, run } = useSubmit();
  const [revoking, setRevoking] = useState<TokenSummary | null>(null);
  const [label, setLabel] = useState('');
  const writeAllowed = account.features?.write_api ?? false;

  /** Makes a token (created or rotated): shows its value once. */
  const issue = (call: () => Promise<{ data: IssuedToken }>) =>
    run(async () => {
      setFresh((await call()).data);
      list.reload();
    });
  const create = (kind: TokenKind) =>
    issue(() => api('POST', accountPath(account.id, '/tokens'), { kind, label: label.trim() || undefined }));
  const rotate = (t: TokenSummary) => issue(() => api('POST', accountPath(account.id, `/tokens/${t.id}/rotate`)));
  const revoke = (t: TokenSummary) =>
    run(async () => {
      await api('DELETE', accountPath(account.id, `/tokens/${t.id}`));
      list.reload();
    });

  if (!admin) {
    return (
      <section>
        <h1>API Tokens</h1>
        <Notice kind="info">
          Only admins and owners of this account can see and manage its API tokens. You are a {account.role}.
        </Notice>
      </section>
    );
  }
  const tokens = (list.data ?? []).slice().sort((a, b) => Number(a.revoked) - Number(b.revoked));
  return (
    <section>
      <h1>API Tokens</h1>
      <p className="lead">
        Applications read content with a read token and write it with a write token (<code>Authorization: Token …</code>{' '}
        or <code>?auth_token=</code> on <code>/v2</code>).
      </p>
      <ErrorNotice error={error} />
      {fresh && <FreshToken token={fresh} onDone={() => setFresh(null)} />}
      <div className="card">
        <h2>New token</h2>
        <div className="inline-form">
          <div className="field">
            <label htmlFor="token-label">Label (optional)</label>
            <input
              id="token-label"
              value={label}
              onChange={(e) => setLabel(e.target.value)}
              placeholder="e.g. website"
            />
          </div>
          <button type="button" onClick={() => create('read')}>
            Create read token
          </button>
          <button
            type="button"
            onClick={() => create('write')}
            disabled={!writeAllowed}
            aria-describedby={writeAllowed ? undefined : 'write-gate'}
          >
            Create write token
          </button>
        </div>
        {!writeAllowed && (
          <p className="hint" id="write-gate">
            The {account.plan} plan does not include the write API, so write tokens cannot be created or rotated. See
            Usage &amp; plan.
          </p>
        )}
      </div>
      {list.loading && !list.data ? (
        <Loading what="tokens" />
      ) : list.error ? (
        <ErrorNotice error={list.error} />
      ) : tokens.length === 0 ? (
        <Empty>This account has no tokens yet. Create a read token to start reading content.</Empty>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Tokens</caption>
            <thead>
              <tr>
                <th scope="col">Kind</th>
                <th scope="col">Token</th>
                <th scope="col">Label</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((t) => (
                <tr key={t.id} className={t.revoked ? 'revoked' : undefined} data-token-id={t.id}>
                  <td>{t.kind}</td>
                  <td>
                    <code aria-label={`${t.kind} token ending in ${t.last4}`}>
                      {t.prefix}••••{t.last4}
                    </code>
                  </td>
                  <td>{t.label || '—'}</td>
                  <td>{when(t.created)}</td>
                  <td>{when(t.last_used)}</td>
                  <td className="row-actions">
                    {t.revoked ? (
                      <span className="badge muted">revoked</span>
                    ) : (
                      <>
                        <button
                          type="button"
                          onClick={() => rotate(t)}
                          disabled={t.kind === 'write' && !writeAllowed}
                          aria-label={`Rotate ${t.kind} token ending in ${t.last4}`}
                        >
                          Rotate
                        </button>
                        <button
                          type="button"
                          className="danger"
                          onClick={() => setRevoking(t)}
                          aria-label={`Revoke ${t.kind} token ending in ${t.last4}`}
                        >
                          Revoke
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="hint">
        Rotating gives a new token of the same kind and label; the old one stops working at once (
        <code>401 Invalid token</code>).
      </p>
      {revoking && (
        <Confirm
          title="Revoke this token?"
          confirmLabel="Revoke token"
          danger
          onCancel={() => setRevoking(null)}
          onConfirm={() => {
            void revoke(revoking);
            setRevoking(null);
          }}
        >
          <p>
            Applications using{' '}
            <code>
              {revoking.prefix}••••{revoking.last4}
            </code>{' '}
            will get <code>401 Invalid token</code> from their next request. This cannot be undone.
          </p>
        </Confirm>
      )}
    </section>
  );
}
