import type { ExportedSchema } from '../../../../src/shared/field-types';
import { useAccount } from '../../context';
import { Link } from '../../router';
import { timeOfDay } from '../../time-zone';
import { dayHeading, editorPath, kindLabel, titleOf, type Upcoming } from './agenda-api';

/** One day of the agenda: its changes in time order, each a link to its editor. */
export function AgendaDay({
  day,
  changes,
  schema,
}: {
  day: string;
  changes: Upcoming[];
  schema: ExportedSchema | null;
}) {
  const { account } = useAccount();
  const several = account.locales.length > 1;
  const localeName = (slug: string) => account.locales.find((l) => l.slug === slug)?.name ?? slug;
  const headingId = `agenda-day-${day}`;
  return (
    <section className="agenda-day" aria-labelledby={headingId} data-day={day}>
      <h2 id={headingId}>{dayHeading(day)}</h2>
      <ol className="agenda-list">
        {changes.map((u) => (
          <li key={`${u.kind}-${u.action}-${u.id ?? u.slug}-${u.locale ?? ''}-${u.at}`} className="agenda-item">
            <time className="agenda-time" dateTime={u.at}>
              {timeOfDay(u.at)}
            </time>
            <span className={`badge agenda-${u.action}`}>{u.action === 'publish' ? 'Publishes' : 'Unpublishes'}</span>
            <span className="agenda-what">
              <Link to={editorPath(u)}>{titleOf(u)}</Link>
              <span className="hint">
                {kindLabel(u, schema)}
                {u.locale
                  ? ` · ${localeName(u.locale)}`
                  : several && u.kind !== 'post'
                    ? u.action === 'unpublish'
                      ? ' · every locale'
                      : ` · ${localeName(account.locales.find((l) => l.default)?.slug ?? '')}`
                    : ''}
              </span>
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
