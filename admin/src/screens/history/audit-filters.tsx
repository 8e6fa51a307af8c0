import { useState } from 'react';
import { FilterSelect } from '../../components/list-filters';

/** What audit records are about (docs/api.md §12.3). */
const KINDS: [string, string][] = [
  ['page', 'Pages'],
  ['item', 'Collection items'],
  ['post', 'Blog posts'],
  ['media', 'Media'],
  ['schema', 'Content types'],
  ['locale', 'Locales'],
  ['token', 'API tokens'],
  ['user', 'Users'],
  ['webhook', 'Webhooks'],
  ['account', 'Account'],
  ['session', 'Sign-ins'],
];

/** The audit screen's filters as the address keeps them: times as `datetime-local` values. */
export interface AuditQuery {
  actor: string;
  kind: string;
  target: string;
  since: string;
  until: string;
}

/**
 * The filter form: the kind applies at once, the texts and times when the form is sent. Its parent
 * gives it a new `key` when the applied filters change, so it starts again from `value`.
 */
export function AuditFilters({ value, onApply }: { value: AuditQuery; onApply: (q: AuditQuery) => void }) {
  const [draft, setDraft] = useState(value);
  const text = (key: keyof AuditQuery, label: string, type = 'text') => (
    <div className="field">
      <label htmlFor={`audit-${key}`}>{label}</label>
      <input
        id={`audit-${key}`}
        type={type}
        value={draft[key]}
        maxLength={256}
        onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
      />
    </div>
  );
  return (
    <form
      className="filters"
      role="search"
      aria-label="Audit log filters"
      onSubmit={(e) => {
        e.preventDefault();
        onApply({ ...draft, actor: draft.actor.trim(), target: draft.target.trim() });
      }}
    >
      {text('actor', 'Actor')}
      <FilterSelect id="audit-kind" label="Kind" value={draft.kind} onChange={(kind) => onApply({ ...draft, kind })}>
        <option value="">Any</option>
        {KINDS.map(([k, name]) => (
          <option key={k} value={k}>
            {name}
          </option>
        ))}
      </FilterSelect>
      {text('target', 'Entry (id or slug)')}
      {text('since', 'Since', 'datetime-local')}
      {text('until', 'Until', 'datetime-local')}
      <button type="submit">Apply</button>
      <button type="button" onClick={() => onApply({ actor: '', kind: '', target: '', since: '', until: '' })}>
        Clear
      </button>
    </form>
  );
}
