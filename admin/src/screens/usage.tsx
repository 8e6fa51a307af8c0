import { api, accountPath } from '../api';
import { CallsChart } from '../components/calls-chart';
import { PlanPicker } from '../components/plan-picker';
import { useAccount } from '../context';
import type { Usage } from '../types';
import { ErrorNotice, Loading, useLoad } from '../ui';

const fmt = (n: number) => n.toLocaleString('en-US');

/** Every day of the billing month (the API lists only days with calls), zero where none. */
function everyDay(u: Usage): { day: string; calls: number }[] {
  const calls = new Map(u.days.map((d) => [d.day.slice(0, 10), d.calls]));
  const out: { day: string; calls: number }[] = [];
  for (let t = Date.parse(u.starts); t < Date.parse(u.resets) && out.length < 62; t += 86_400_000) {
    const day = new Date(t).toISOString().slice(0, 10);
    out.push({ day, calls: calls.get(day) ?? 0 });
  }
  return out.length ? out : u.days;
}

/** Usage & plan: this billing month's calls against the limit, per day, the reset date, the plan's features. */
export function UsagePlan() {
  const { account } = useAccount();
  const usage = useLoad(
    () => api<{ data: Usage }>('GET', accountPath(account.id, '/usage')).then((r) => r.data),
    [account.id],
  );
  if (usage.loading && !usage.data) return <Loading what="usage" />;
  if (usage.error || !usage.data) return <ErrorNotice error={usage.error} />;
  const u = usage.data;
  const share = u.limit ? Math.min(100, (u.calls / u.limit) * 100) : 0;
  const f = u.features;
  return (
    <section>
      <h1>Usage &amp; plan</h1>
      <div className="stats">
        <div className="card stat">
          <h2>API calls this billing month</h2>
          <p className="big" data-testid="calls">
            {fmt(u.calls)}
            {u.limit !== null && <span> of {fmt(u.limit)}</span>}
          </p>
          {u.limit !== null ? (
            <>
              <div
                className="meter"
                role="meter"
                aria-valuemin={0}
                aria-valuemax={u.limit}
                aria-valuenow={u.calls}
                aria-label="Calls used of the monthly limit"
              >
                <div style={{ width: `${share}%` }} className={share >= 90 ? 'meter-fill warn' : 'meter-fill'} />
              </div>
              <p>
                {fmt(u.remaining ?? 0)} calls left
                {f?.blocked_over_limit ? '; past the limit, reads are refused with 429 until the month resets.' : '.'}
              </p>
            </>
          ) : (
            <p>The {u.plan} plan has no monthly limit.</p>
          )}
        </div>
        <div className="card stat">
          <h2>Billing month</h2>
          <p className="big">
            {new Date(u.starts).toLocaleDateString(undefined, { month: 'short', day: 'numeric' })} –{' '}
            {new Date(new Date(u.resets).getTime() - 1).toLocaleDateString(undefined, {
              month: 'short',
              day: 'numeric',
            })}
          </p>
          <p>
            Resets on{' '}
            <strong data-testid="resets">
              {new Date(u.resets).toLocaleDateString(undefined, { dateStyle: 'long' })}
            </strong>
            .
          </p>
        </div>
      </div>
      <div className="card">
        <h2>Calls per day</h2>
        <CallsChart days={everyDay(u)} />
      </div>
      <div className="card">
        <h2>The {u.plan} plan</h2>
        {f ? (
          <dl className="features">
            <dt>Monthly API calls</dt>
            <dd>{f.monthly_calls === null ? 'Unlimited' : fmt(account.monthly_call_limit ?? f.monthly_calls)}</dd>
            <dt>Over the limit</dt>
            <dd>{f.blocked_over_limit ? 'Reads are refused until the month resets' : 'Reads go on (overage)'}</dd>
            <dt>Write API</dt>
            <dd>{f.write_api ? 'Included' : 'Not included'}</dd>
            <dt>Locales</dt>
            <dd>{f.locales === null ? 'Unlimited' : `Up to ${f.locales}`}</dd>
            <dt>Webhooks</dt>
            <dd>{f.webhooks ? 'Included' : 'Not included'}</dd>
          </dl>
        ) : (
          <p>This plan is not known to this version of Ghee.</p>
        )}
        <PlanPicker onChanged={usage.reload} />
      </div>
    </section>
  );
}
