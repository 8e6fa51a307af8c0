import { useCallback, useEffect, useState } from 'react';
import type { AccountSummary } from '../../src/shared/accounts';
import { roleAtLeast, type Role } from '../../src/shared/roles';
import { api, accountPath, setCsrfToken } from './api';
import { AccountContext } from './context';
import { Link, navigate, useRoute } from './router';
import { Routes } from './routes';
import { AcceptInvitation } from './screens/accept-invitation';
import { SignIn } from './screens/sign-in';
import type { Session } from './types';
import { ErrorNotice, Loading } from './ui';

const NAV: { to: string; label: string }[] = [
  { to: '/pages', label: 'Pages' },
  { to: '/collections', label: 'Collections' },
  { to: '/posts', label: 'Blog posts' },
  { to: '/schedule', label: 'Schedule' },
  { to: '/blog-terms', label: 'Categories & tags' },
  { to: '/media', label: 'Media' },
  { to: '/trash', label: 'Trash' },
  { to: '/content-types', label: 'Content Types' },
  { to: '/settings/tokens', label: 'API Tokens' },
  { to: '/settings/users', label: 'Users' },
  { to: '/settings/webhooks', label: 'Webhooks' },
  { to: '/settings/localization', label: 'Localization' },
  { to: '/settings/site', label: 'Site' },
  { to: '/usage', label: 'Usage & plan' },
  { to: '/audit', label: 'Audit log' },
];

/** Menu entries shown only from this role up (the screen also says so when reached by its address). */
const NAV_MIN_ROLE: Record<string, Role> = { '/audit': 'admin' };

/** The dashboard: sign-in, then the account's screens. */
export function App() {
  const { path } = useRoute();
  const [session, setSession] = useState<Session | null>(null);
  const [error, setError] = useState<unknown>(null);
  const loadSession = useCallback(() => {
    api<{ data: Session }>('GET', '/session').then(({ data }) => {
      setCsrfToken(data.csrf_token);
      setSession(data);
    }, setError);
  }, []);
  useEffect(() => {
    loadSession();
    window.addEventListener('ghee:signed-out', loadSession);
    return () => window.removeEventListener('ghee:signed-out', loadSession);
  }, [loadSession]);

  if (error)
    return (
      <main className="center">
        <ErrorNotice error={error} />
      </main>
    );
  if (!session)
    return (
      <main className="center">
        <Loading what="the dashboard" />
      </main>
    );
  // An invitation link works signed in or not: its page decides what the visitor must do.
  const invite = /^\/invite\/([^/]+)$/.exec(path);
  if (invite) {
    const signOut = () =>
      void api('POST', '/sign-out')
        .catch(() => undefined)
        .then(loadSession);
    return (
      <AcceptInvitation
        token={invite[1]!}
        session={session}
        onSession={(s) => {
          setCsrfToken(s.csrf_token);
          setSession(s);
        }}
        onSignOut={signOut}
      />
    );
  }
  if (!session.user)
    return (
      <SignIn
        onSignedIn={(s) => {
          setCsrfToken(s.csrf_token);
          setSession(s);
        }}
      />
    );
  return <SignedIn session={session} onSignedOut={loadSession} />;
}

function SignedIn({ session, onSignedOut }: { session: Session; onSignedOut: () => void }) {
  const { path } = useRoute();
  const [accountId, setAccountId] = useState(
    () => Number(localStorage.getItem('ghee.account')) || session.memberships[0]?.account.id || 0,
  );
  const [account, setAccount] = useState<AccountSummary | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [menuOpen, setMenuOpen] = useState(false);
  const valid = session.memberships.some((m) => m.account.id === accountId)
    ? accountId
    : (session.memberships[0]?.account.id ?? 0);

  const refresh = useCallback(() => {
    if (!valid) return;
    api<{ data: AccountSummary }>('GET', accountPath(valid, '')).then(({ data }) => setAccount(data), setError);
  }, [valid]);
  useEffect(refresh, [refresh]);
  useEffect(() => setMenuOpen(false), [path]);
  useEffect(() => {
    document.title = `${NAV.find((n) => path.startsWith(n.to))?.label ?? 'Dashboard'} · Ghee`;
  }, [path]);

  const menu = NAV.filter((n) => {
    const need = NAV_MIN_ROLE[n.to];
    return !need || (account !== null && roleAtLeast(account.role, need));
  });
  const signOut = async () => {
    await api('POST', '/sign-out').catch(() => undefined);
    navigate('/', true);
    onSignedOut();
  };

  return (
    <div className="shell">
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <button
          type="button"
          className="menu-toggle"
          aria-expanded={menuOpen}
          aria-controls="nav"
          onClick={() => setMenuOpen(!menuOpen)}
        >
          Menu
        </button>
        <Link to="/pages" className="brand">
          Ghee
        </Link>
        {session.memberships.length > 1 ? (
          <label className="account-pick">
            <span className="visually-hidden">Account</span>
            <select
              value={valid}
              onChange={(e) => {
                localStorage.setItem('ghee.account', e.target.value);
                setAccountId(Number(e.target.value));
                setAccount(null);
              }}
            >
              {session.memberships.map((m) => (
                <option key={m.account.id} value={m.account.id}>
                  {m.account.name}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <span className="account-name">{session.memberships[0]?.account.name}</span>
        )}
        <span className="user">
          <span className="user-email">{session.user!.email}</span>
          {account && <span className="badge">{account.role}</span>}
          <button type="button" onClick={signOut}>
            Sign out
          </button>
        </span>
      </header>
      <nav id="nav" className={menuOpen ? 'nav open' : 'nav'} aria-label="Main">
        <ul>
          {menu.map((n) => (
            <li key={n.to}>
              <Link to={n.to} aria-current={path.startsWith(n.to) ? 'page' : undefined}>
                {n.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" className="content" tabIndex={-1}>
        {!valid ? (
          <p>
            You are not a member of any account yet. Ask an admin of an account to invite you, then open the link they
            send.
          </p>
        ) : error ? (
          <ErrorNotice error={error} />
        ) : !account ? (
          <Loading what="the account" />
        ) : (
          <AccountContext.Provider value={{ account, refresh }}>
            <Routes path={path} />
          </AccountContext.Provider>
        )}
      </main>
    </div>
  );
}
