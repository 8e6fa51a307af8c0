import { useState, type FormEvent, type ReactNode } from 'react';
import { api, ApiError } from '../api';
import { useSubmit } from '../hooks/use-submit';
import type { Session } from '../types';
import { ErrorNotice } from '../ui';

/**
 * The sign-in form (email and password; the first owner's are printed by `ghee start`). The
 * invitation page passes its own title, words above the form, and the invited email.
 */
export function SignIn({
  onSignedIn,
  title = 'Sign in to Ghee',
  intro,
  email: given = '',
}: {
  onSignedIn: (s: Session) => void;
  title?: string;
  intro?: ReactNode;
  email?: string;
}) {
  const [email, setEmail] = useState(given);
  const [password, setPassword] = useState('');
  const { busy, error, run } = useSubmit();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const { data } = await api<{ data: Session }>('POST', '/sign-in', { email, password });
      onSignedIn(data);
    });
  };
  const fields = error instanceof ApiError ? error.fields : {};
  return (
    <main className="center">
      <form className="card sign-in" onSubmit={submit} noValidate aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">{title}</h1>
        {intro}
        <ErrorNotice error={error} />
        <div className="field">
          <label htmlFor="email">Email</label>
          <input
            id="email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            aria-invalid={!!fields.email}
            aria-describedby={fields.email ? 'email-error' : undefined}
          />
          {fields.email && (
            <p className="field-error" id="email-error">
              {fields.email.join(' ')}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor="password">Password</label>
          <input
            id="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-invalid={!!fields.password}
            aria-describedby={fields.password ? 'password-error' : undefined}
          />
          {fields.password && (
            <p className="field-error" id="password-error">
              {fields.password.join(' ')}
            </p>
          )}
        </div>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
        {!intro && <p className="hint">The first start of Ghee prints the demo owner's email and password.</p>}
      </form>
    </main>
  );
}
