import type { ExportedSchema } from '../../../../src/shared/field-types';
import { api, accountPath, qs } from '../../api';
import { useAccount } from '../../context';
import { navigate, useRoute } from '../../router';
import { loadSchema } from '../../schema';
import { zoneLabel } from '../../time-zone';
import { Empty, ErrorNotice, Loading, Notice, useLoad } from '../../ui';
import { AgendaDay } from './agenda-day';
import { AGENDA_RANGES, byDay, type Agenda } from './agenda-api';
import './schedule.css';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Content > Schedule: every publication and unpublication waiting in the next 7, 30 or 90 days,
 * pages, items and posts together, by day in the editor's time zone; each opens its editor.
 */
export function ScheduleAgenda() {
  const { account } = useAccount();
  const { query } = useRoute();
  const asked = Number(query.get('days'));
  const days = (AGENDA_RANGES as readonly number[]).includes(asked) ? asked : 30;
  const schema = useLoad<ExportedSchema>(() => loadSchema(account.id), [account.id]);
  const agenda = useLoad(() => {
    const now = Date.now();
    const range = { from: new Date(now).toISOString(), to: new Date(now + days * DAY_MS).toISOString() };
    return api<Agenda>('GET', accountPath(account.id, `/schedule${qs(range)}`));
  }, [account.id, days]);
  const list = agenda.data?.data ?? [];

  return (
    <section className="agenda">
      <div className="heading-row">
        <h1>Schedule</h1>
        <button type="button" onClick={agenda.reload} disabled={agenda.loading}>
          Refresh
        </button>
      </div>
      <p className="lead">
        What publishes and unpublishes on its own: pages, collection items and blog posts. Times are in your time zone,{' '}
        <strong>{zoneLabel()}</strong>.
      </p>
      <fieldset className="agenda-range">
        <legend>Show the next</legend>
        {AGENDA_RANGES.map((n) => (
          <label key={n} className={n === days ? 'agenda-range-option chosen' : 'agenda-range-option'}>
            <input
              type="radio"
              name="agenda-range"
              value={n}
              checked={n === days}
              onChange={() => navigate(`/schedule${qs({ days: n })}`, true)}
            />
            {n} days
          </label>
        ))}
      </fieldset>
      {agenda.loading && !agenda.data ? (
        <Loading what="the schedule" />
      ) : agenda.error ? (
        <ErrorNotice error={agenda.error} />
      ) : list.length === 0 ? (
        <Empty>
          <p>Nothing is scheduled in the next {days} days.</p>
          <p>To schedule a page, an item or a post, open it and choose Schedule… or Unpublish at….</p>
        </Empty>
      ) : (
        <>
          {agenda.data?.meta.truncated && (
            <Notice kind="info">
              Only the first {list.length} changes of the next {days} days are shown. Choose a shorter range to see the
              rest in order.
            </Notice>
          )}
          <p className="hint" role="status">
            {list.length} {list.length === 1 ? 'change' : 'changes'} in the next {days} days.
          </p>
          {byDay(list).map(([day, changes]) => (
            <AgendaDay key={day} day={day} changes={changes} schema={schema.data} />
          ))}
        </>
      )}
    </section>
  );
}
