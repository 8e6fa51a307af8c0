import { useState, type FormEvent, type ReactNode } from 'react';
import type { InvitationView } from '../../../src/shared/users';
import { api, ApiError } from '../api';
import { useSubmit } from '../hooks/use-submit';
import { navigate } from '../router';
import type { Session } from '../types';
import { ErrorNotice, Loading, useLoad, when } from '../ui';
import { SignIn } from './sign-in';

type Accepted = Session & { account_id: number };

function Page({ children }: { children: ReactNode }) {
  return (
    <main className="center">
      <div className="card sign-in">{children}</div>
    </main>
  );
}

/** Who invited, to what, as what, until when. */
function Invited({ view }: { view: InvitationView }) {
  const by = view.invited_by ? view.invited_by.name || view.invited_by.email : 'An administrator';
  return (
    <p>
      {by} invited <strong>{view.email}</strong> to join <strong>{view.account.name}</strong> as{' '}
      <strong>{view.role}</strong>. This link works once, until {when(view.expires)}.
    </p>
  );
}

/**
 * The page of an invitation link (/admin/invite/<token>): a new email chooses its password and
 * name; an existing user signs in first, then accepts. Either way they land in the account.
 */
export function AcceptInvitation({
  token,
  session,
  onSession,
  onSignOut,
}: {
  token: string;
  session: Session;
  onSession: (s: Session) => void;
  onSignOut: () => void;
}) {
  const invitation = useLoad(
    () => api<{ data: InvitationView }>('GET', `/invitations/${encodeURIComponent(token)}`).then((r) => r.data),
    [token],
  );
  const [name, setName] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const { busy, error, run } = useSubmit();

  const accept = (body: Record<string, string>) =>
    run(async () => {
      const { data } = await api<{ data: Accepted }>('POST', `/invitations/${encodeURIComponent(token)}/accept`, body);
      localStorage.setItem('ghee.account', String(data.account_id));
      navigate('/pages', true);
      onSession(data);
    });

  if (invitation.loading && !invitation.data)
    return (
      <main className="center">
        <Loading what="the invitation" />
      </main>
    );
  const view = invitation.data;
  if (!view) {
    const gone = invitation.error instanceof ApiError && invitation.error.status === 404;
    return (
      <Page>
        <h1>Invitation not valid</h1>
        {gone ? (
          <p>
            This invitation link was already used, revoked or replaced by a newer one, or it has expired. Ask whoever
            invited you for a new link.
          </p>
        ) : (
          <ErrorNotice error={invitation.error} />
        )}
        <p>
          <a href="/admin/">Go to the dashboard</a>
        </p>
      </Page>
    );
  }

  const user = session.user;
  if (user && user.email !== view.email) {
    return (
      <Page>
        <h1>Join {view.account.name}</h1>
        <Invited view={view} />
        <p>
          You are signed in as <strong>{user.email}</strong>. Sign out to accept it as {view.email}.
        </p>
        <button type="button" onClick={onSignOut}>
          Sign out
        </button>
      </Page>
    );
  }
  if (!view.password_required && !user) {
    const intro = (
      <>
        <Invited view={view} />
        <p>You already have a Ghee user for this email. Sign in first, then accept.</p>
      </>
    );
    return (
      <SignIn title={`Sign in to join ${view.account.name}`} intro={intro} email={view.email} onSignedIn={onSession} />
    );
  }
  if (!view.password_required) {
    return (
      <Page>
        <h1>Join {view.account.name}</h1>
        <Invited view={view} />
        <ErrorNotice error={error} />
        <button type="button" className="primary" disabled={busy} onClick={() => void accept({})}>
          {busy ? 'Joining…' : 'Accept invitation'}
        </button>
      </Page>
    );
  }

  const fields = error instanceof ApiError ? error.fields : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void accept({ password, name: name ?? view.name });
  };
  return (
    <main className="center">
      <form className="card sign-in" onSubmit={submit} noValidate aria-labelledby="accept-title">
        <h1 id="accept-title">Join {view.account.name}</h1>
        <Invited view={view} />
        <p>Choose your password to create your Ghee user.</p>
        <ErrorNotice error={error} />
        <div className="field">
          <label htmlFor="accept-email">Email</label>
          <input id="accept-email" type="email" autoComplete="username" value={view.email} readOnly />
        </div>
        <div className="field">
          <label htmlFor="accept-name">Your name</label>
          <input
            id="accept-name"
            autoComplete="name"
            value={name ?? view.name}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={!!fields.name}
          />
          {fields.name && <p className="field-error">{fields.name.join(' ')}</p>}
        </div>
        <div className="field">
          <label htmlFor="accept-password">Password</label>
          <input
            id="accept-password"
            type="password"
            autoComplete="new-password"
            required
            minLength={8}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-invalid={!!fields.password}
            aria-describedby="accept-password-hint"
          />
          {fields.password && <p className="field-error">{fields.password.join(' ')}</p>}
          <p className="hint" id="accept-password-hint">
            At least 8 characters. Only you know it: nobody else chose it or can see it.
          </p>
        </div>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Joining…' : 'Create user and join'}
        </button>
      </form>
    </main>
  );
}
