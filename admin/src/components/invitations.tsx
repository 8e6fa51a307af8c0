import { useState, type FormEvent } from 'react';
import { ROLES, roleAtLeast, type Role } from '../../../src/shared/roles';
import type { Invitation, MailOutcome, SentInvitation } from '../../../src/shared/users';
import { api, accountPath, ApiError } from '../api';
import { useAccount } from '../context';
import { useSubmit } from '../hooks/use-submit';
import { Confirm, Empty, ErrorNotice, Notice, when } from '../ui';

const MAIL_NOTE: Record<MailOutcome, string> = {
  sent: 'An email with this link was sent to them too.',
  failed: 'The email with this link could not be sent: pass the link on yourself.',
  not_configured: 'Ghee sends no email here (no SMTP_URL): pass the link on yourself.',
};

/** The accept link of a new invitation, shown once (only a hash is kept), with a copy button. */
function FreshLink({ invitation, onDone }: { invitation: SentInvitation; onDone: () => void }) {
  const [copied, setCopied] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(invitation.link);
      setCopied('Copied to the clipboard.');
    } catch {
      setCopied('Copying is not allowed here: select the link and copy it yourself.');
    }
  };
  return (
    <div className="card fresh-token" role="region" aria-label="New invitation link">
      <h2>Invitation for {invitation.email}</h2>
      <p>
        They join as <strong>{invitation.role}</strong> when they open this link and accept (new users choose their own
        password). It works once, until {when(invitation.expires)}. Copy it now: this is the only time it is shown.
      </p>
      <div className="token-row">
        <code className="token-value" data-testid="invitation-link">
          {invitation.link}
        </code>
        <button type="button" onClick={copy}>
          Copy link
        </button>
        <button type="button" onClick={onDone}>
          Done
        </button>
      </div>
      <p className="hint">{MAIL_NOTE[invitation.mail]}</p>
      {copied && <Notice kind="ok">{copied}</Notice>}
    </div>
  );
}

/** The invite form, the link it makes, and the pending invitations with renew and revoke. */
export function Invitations({ list, reload }: { list: Invitation[]; reload: () => void }) {
  const { account } = useAccount();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('editor');
  const [fresh, setFresh] = useState<SentInvitation | null>(null);
  const { busy, error, run } = useSubmit();
  const [revoking, setRevoking] = useState<Invitation | null>(null);
  const roles = ROLES.filter((r) => roleAtLeast(account.role, r));

  const send = (body: { email: string; role: Role; name?: string }) =>
    run(async () => {
      const { data } = await api<{ data: SentInvitation }>('POST', accountPath(account.id, '/invitations'), body);
      setFresh(data);
      reload();
    });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await send({ email, role, name: name.trim() || undefined })) {
      setEmail('');
      setName('');
    }
  };
  const revoke = (invitation: Invitation) =>
    run(async () => {
      await api('DELETE', accountPath(account.id, `/invitations/${invitation.id}`));
      if (fresh?.id === invitation.id) setFresh(null);
      reload();
    });
  const fields = error instanceof ApiError ? error.fields : {};

  return (
    <>
      <ErrorNotice error={error} />
      {fresh && <FreshLink invitation={fresh} onDone={() => setFresh(null)} />}
      <form className="card" onSubmit={submit} noValidate aria-labelledby="invite-title">
        <h2 id="invite-title">Invite someone</h2>
        <div className="inline-form">
          <div className="field grow">
            <label htmlFor="invite-email">Email</label>
            <input
              id="invite-email"
              type="email"
              autoComplete="off"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              aria-invalid={!!fields.email}
              aria-describedby={fields.email ? 'invite-email-error' : undefined}
            />
            {fields.email && (
              <p className="field-error" id="invite-email-error">
                {fields.email.join(' ')}
              </p>
            )}
          </div>
          <div className="field">
            <label htmlFor="invite-name">Name (optional)</label>
            <input
              id="invite-name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              aria-invalid={!!fields.name}
            />
            {fields.name && <p className="field-error">{fields.name.join(' ')}</p>}
          </div>
          <div className="field narrow">
            <label htmlFor="invite-role">Role</label>
            <select id="invite-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
              {roles.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Inviting…' : 'Invite'}
          </button>
        </div>
        <p className="hint">
          They get a link to accept; until then they are not a member. Nobody chooses a password for someone else.
        </p>
      </form>

      <h2>Pending invitations</h2>
      {list.length === 0 ? (
        <Empty>No invitations are waiting.</Empty>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Pending invitations</caption>
            <thead>
              <tr>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Invited by</th>
                <th scope="col">Expires</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {list.map((i) => {
                const mine = roleAtLeast(account.role, i.role);
                return (
                  <tr key={i.id} className={i.expired ? 'revoked' : undefined} data-invitation-id={i.id}>
                    <td>
                      {i.email}
                      {i.name && <span className="hint"> ({i.name})</span>}
                    </td>
                    <td>{i.role}</td>
                    <td>{i.invited_by ? i.invited_by.name || i.invited_by.email : 'the operator (CLI)'}</td>
                    <td>{i.expired ? <span className="badge muted">expired</span> : when(i.expires)}</td>
                    <td className="row-actions">
                      <button
                        type="button"
                        disabled={!mine || busy}
                        onClick={() => void send({ email: i.email, role: i.role, name: i.name || undefined })}
                        aria-label={`New link for ${i.email}`}
                      >
                        New link
                      </button>
                      <button
                        type="button"
                        className="danger"
                        disabled={!mine}
                        onClick={() => setRevoking(i)}
                        aria-label={`Revoke the invitation of ${i.email}`}
                      >
                        Revoke
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <p className="hint">
        An invitation works once, for 7 days. A new link replaces the old one, which stops working.
      </p>
      {revoking && (
        <Confirm
          title="Revoke this invitation?"
          confirmLabel="Revoke invitation"
          danger
          onCancel={() => setRevoking(null)}
          onConfirm={() => {
            void revoke(revoking);
            setRevoking(null);
          }}
        >
          <p>
            The link sent to <strong>{revoking.email}</strong> stops working at once.
          </p>
        </Confirm>
      )}
    </>
  );
}
