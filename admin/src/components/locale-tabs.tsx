import type { LocaleSummary } from '../../../src/shared/accounts';
import { Link } from '../router';

/** Links to the same entry in each of the account's locales. */
export function LocaleTabs({
  locales,
  current,
  to,
  has,
}: {
  locales: LocaleSummary[];
  current: string;
  to: (slug: string) => string;
  has: string[];
}) {
  if (locales.length < 2) return null;
  return (
    <nav className="tabs" aria-label="Locale">
      {locales.map((l) => (
        <Link
          key={l.slug}
          to={to(l.slug)}
          aria-current={l.slug === current ? 'page' : undefined}
          className={l.slug === current ? 'tab active' : 'tab'}
        >
          {l.name}{' '}
          <span className="hint">
            ({l.slug}
            {has.length && !has.includes(l.slug) ? ', empty' : ''})
          </span>
        </Link>
      ))}
    </nav>
  );
}
