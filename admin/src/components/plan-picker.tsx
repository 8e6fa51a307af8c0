import { useState } from 'react';
import type { PlanFeatures } from '../../../src/shared/accounts';
import { api, accountPath } from '../api';
import { useAccount } from '../context';
import { useSubmit } from '../hooks/use-submit';
import { ErrorNotice, Notice, useLoad } from '../ui';

/** A plan the signed-in user may put this account on (GET .../plans). */
interface PlanChoice {
  name: string;
  self_service: boolean;
  current: boolean;
  features: PlanFeatures;
}

interface PlanChoices {
  plans: PlanChoice[];
  /** True for an install operator: the account's own monthly call limit is theirs to set. */
  may_change_limit: boolean;
}

const fmt = (n: number) => n.toLocaleString('en-US');

function describe(p: PlanChoice): string {
  const calls =
    p.features.monthly_calls === null ? 'unlimited calls' : `${fmt(p.features.monthly_calls)} calls a month`;
  return `${p.name}: ${calls}${p.features.write_api ? ', write API' : ''}`;
}

/**
 * Changing the plan: only what the API says this user may pick. Owners see the plans the
 * operator made self-service; an install operator sees every plan and the monthly call limit.
 */
export function PlanPicker({ onChanged }: { onChanged: () => void }) {
  const { account, refresh } = useAccount();
  const choices = useLoad(
    () => api<{ data: PlanChoices }>('GET', accountPath(account.id, '/plans')).then((r) => r.data),
    [account.id, account.plan],
  );
  const [plan, setPlan] = useState('');
  const [limit, setLimit] = useState<string | null>(null);
  const { busy, error, notice, run } = useSubmit();
  const c = choices.data;
  const others = c ? c.plans.filter((p) => !p.current) : [];
  if (!c || (others.length === 0 && !c.may_change_limit)) {
    return (
      <p className="hint">
        Plans and monthly call limits are set by the operator of this Ghee install (<code>ghee account set-plan</code>).
      </p>
    );
  }
  const chosen = plan || account.plan;
  const limitText = limit ?? (account.monthly_call_limit === null ? '' : String(account.monthly_call_limit));
  const save = () =>
    run(async () => {
      const body: Record<string, unknown> = { plan: chosen };
      if (c.may_change_limit) body.monthly_call_limit = limitText.trim() === '' ? null : Number(limitText);
      await api('PUT', accountPath(account.id, '/plan'), body);
      setPlan('');
      setLimit(null);
      refresh();
      onChanged();
      return `The account is on the ${chosen} plan.`;
    });
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <div className="field">
        <label htmlFor="plan-choice">Plan</label>
        <select id="plan-choice" value={chosen} onChange={(e) => setPlan(e.target.value)}>
          {c.plans.map((p) => (
            <option key={p.name} value={p.name}>
              {describe(p)}
              {p.current ? ' (current)' : ''}
            </option>
          ))}
        </select>
      </div>
      {c.may_change_limit && (
        <div className="field">
          <label htmlFor="plan-limit">Monthly call limit of this account</label>
          <input
            id="plan-limit"
            inputMode="numeric"
            pattern="[0-9]*"
            value={limitText}
            onChange={(e) => setLimit(e.target.value)}
            placeholder="the plan's"
            aria-describedby="plan-limit-help"
          />
          <span className="hint" id="plan-limit-help">
            Empty: the plan's limit. You can set this as an operator of this install.
          </span>
        </div>
      )}
      <button type="submit" className="primary" disabled={busy}>
        Change plan
      </button>
      <ErrorNotice error={error} />
      {notice && <Notice kind="ok">{notice}</Notice>}
    </form>
  );
}
