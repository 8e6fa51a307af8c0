import type { ReactNode } from 'react';
import { ErrorNotice, Loading, useLoad, when } from '../../ui';
import { getVersion, type Version } from './history-api';
import { flattenFields, valueText, whoText } from './history-format';

/** One version, read-only: who saved it when, its name and slug, and every field's value as text. */
export function VersionView({
  accountId,
  entryPath,
  id,
  restore,
}: {
  accountId: number;
  entryPath: string;
  id: number;
  restore?: (v: Version) => ReactNode;
}) {
  const version = useLoad(() => getVersion(accountId, entryPath, id), [accountId, entryPath, id]);
  if (version.loading) return <Loading what={`version #${id}`} />;
  if (version.error) return <ErrorNotice error={version.error} />;
  const v = version.data!;
  const rows = flattenFields(v.fields);
  return (
    <section aria-labelledby="version-title" className="version-view">
      <div className="heading-row">
        <h2 id="version-title">Version #{v.id}</h2>
        {restore && <div className="row-actions">{restore(v)}</div>}
      </div>
      <p className="hint">
        Saved {when(v.created)} by {whoText(v.author)}
        {v.locale ? ` in ${v.locale}` : ''} as <span className={`badge status-${v.status}`}>{v.status}</span>
        {v.restored_from !== null && `, restored from #${v.restored_from}`}.
      </p>
      <dl className="version-fields" aria-label={`Fields of version #${v.id}`}>
        <div className="version-field">
          <dt>Name</dt>
          <dd>{valueText(v.name)}</dd>
        </div>
        {v.slug !== null && (
          <div className="version-field">
            <dt>Slug</dt>
            <dd>
              <code>{v.slug}</code>
            </dd>
          </div>
        )}
        {rows.map((r) => (
          <div key={r.path} className="version-field" data-path={r.path}>
            <dt>
              <code>{r.path}</code>
            </dt>
            <dd>{valueText(r.value)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
