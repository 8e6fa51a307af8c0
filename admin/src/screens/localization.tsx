import { useEffect, useState } from 'react';
import type { LocaleSummary } from '../../../src/shared/accounts';
import { roleAtLeast } from '../../../src/shared/roles';
import type { SchemaChangeLine } from '../../../src/shared/schema-changes';
import { api, accountPath, ApiError } from '../api';
import { useAccount } from '../context';
import { useSubmit } from '../hooks/use-submit';
import { forgetSchema } from '../schema';
import { Confirm, ErrorNotice, Loading, Notice, ReadOnlyNote, useLoad } from '../ui';

interface Row extends LocaleSummary {
  /** The slug stored now (null for a row added here). */
  original: string | null;
}

/** Settings > Localization: add, rename, remove and reorder locales, choose the default. */
export function Localization() {
  const { account, refresh } = useAccount();
  const editable = roleAtLeast(account.role, 'admin');
  const loaded = useLoad(
    () => api<{ data: LocaleSummary[] }>('GET', accountPath(account.id, '/locales')).then((r) => r.data),
    [account.id],
  );
  const [rows, setRows] = useState<Row[]>([]);
  const { busy, error, notice, run } = useSubmit();
  const [confirming, setConfirming] = useState<string[] | null>(null);
  useEffect(() => {
    if (loaded.data) setRows(loaded.data.map((l) => ({ ...l, original: l.slug })));
  }, [loaded.data]);

  const limit = account.features?.locales ?? null;
  const update = (i: number, patch: Partial<Row>) =>
    setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : patch.default ? { ...r, default: false } : r)));
  const removed = (loaded.data ?? []).filter((l) => !rows.some((r) => r.original === l.slug));
  const losing = removed.filter((l) => (l.entries ?? 0) > 0);

  const save = (confirm: boolean) =>
    run(async () => {
      if (!confirm && losing.length) {
        setConfirming(
          losing.map((l) => `${l.name} (${l.slug}): ${l.entries} ${l.entries === 1 ? 'entry' : 'entries'}`),
        );
        return;
      }
      try {
        const body = {
          locales: rows.map((r) => ({ slug: r.slug.trim(), name: r.name.trim(), ...(r.default && { default: true }) })),
        };
        const res = await api<{ data: LocaleSummary[]; changes: SchemaChangeLine[] }>(
          'PUT',
          accountPath(account.id, `/locales${confirm ? '?confirm=true' : ''}`),
          body,
        );
        loaded.setData(res.data);
        forgetSchema(account.id);
        refresh();
        return res.changes.length ? `Saved: ${res.changes.map((c) => c.line).join('; ')}` : 'Nothing to change.';
      } catch (e) {
        // Locales that hold content would go: the dialog lists them and asks before saving with confirm.
        if (e instanceof ApiError && e.status === 409) return setConfirming(e.reasons);
        throw e;
      }
    });

  if (loaded.loading && !loaded.data) return <Loading what="locales" />;
  if (loaded.error) return <ErrorNotice error={loaded.error} />;
  return (
    <section>
      <h1>Localization</h1>
      <p className="lead">
        Content is written and read per locale (<code>?locale=es</code>); there is no fallback between locales. The
        default locale is used when a request names none.
      </p>
      {!editable && <ReadOnlyNote role={account.role} />}
      <p>
        {limit === null
          ? `The ${account.plan} plan allows any number of locales.`
          : `The ${account.plan} plan allows ${limit} locale${limit === 1 ? '' : 's'}; this account has ${rows.length}.`}
      </p>
      <ErrorNotice error={error} />
      {notice && <Notice kind="ok">{notice}</Notice>}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save(false);
        }}
      >
        <fieldset disabled={!editable} className="plain">
          <legend className="visually-hidden">Locales</legend>
          <ol className="locale-list">
            {rows.map((r, i) => (
              <li key={i} className="locale-row">
                <div className="field">
                  <label htmlFor={`locale-slug-${i}`}>Code</label>
                  <input
                    id={`locale-slug-${i}`}
                    value={r.slug}
                    onChange={(e) => update(i, { slug: e.target.value })}
                    disabled={r.original !== null}
                    pattern="[a-z]{2,3}(-[a-z0-9]{2,8})?"
                    aria-describedby={`locale-help-${i}`}
                  />
                  <span className="hint" id={`locale-help-${i}`}>
                    {r.original !== null ? `${r.entries ?? 0} entries` : 'e.g. fr or fr-ca'}
                  </span>
                </div>
                <div className="field">
                  <label htmlFor={`locale-name-${i}`}>Name</label>
                  <input id={`locale-name-${i}`} value={r.name} onChange={(e) => update(i, { name: e.target.value })} />
                </div>
                <label className="check">
                  <input
                    type="radio"
                    name="default-locale"
                    checked={r.default}
                    onChange={() => update(i, { default: true })}
                  />
                  Default
                </label>
                <div className="row-actions">
                  <button
                    type="button"
                    aria-label={`Move ${r.name || r.slug} up`}
                    disabled={i === 0}
                    onClick={() => {
                      const next = rows.slice();
                      [next[i - 1], next[i]] = [next[i]!, next[i - 1]!];
                      setRows(next);
                    }}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="danger"
                    aria-label={`Remove ${r.name || r.slug || 'new locale'}`}
                    disabled={rows.length === 1}
                    onClick={() => setRows(rows.filter((_, j) => j !== i))}
                  >
                    Remove
                  </button>
                </div>
              </li>
            ))}
          </ol>
          <div className="actions">
            <button
              type="button"
              onClick={() => setRows([...rows, { slug: '', name: '', default: false, original: null }])}
              disabled={limit !== null && rows.length >= limit}
            >
              Add locale
            </button>
            <button type="submit" className="primary" disabled={busy}>
              Save locales
            </button>
          </div>
          {limit !== null && rows.length >= limit && (
            <p className="hint">
              The plan's limit of {limit} locale{limit === 1 ? '' : 's'} is reached. A bigger plan allows more.
            </p>
          )}
        </fieldset>
      </form>
      {confirming && (
        <Confirm
          title="Delete content in removed locales?"
          confirmLabel="Remove and delete content"
          danger
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            setConfirming(null);
            void save(true);
          }}
        >
          <p>Removing these locales deletes every page and item version written in them. This cannot be undone:</p>
          <ul>
            {confirming.map((c) => (
              <li key={c}>{c.replace(/^- /, '')}</li>
            ))}
          </ul>
        </Confirm>
      )}
    </section>
  );
}
