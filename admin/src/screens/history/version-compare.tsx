import { ErrorNotice, Loading, useLoad } from '../../ui';
import { compareVersions, getVersion, type Change, type DiffPart } from './history-api';
import { versionLabel, valueText } from './history-format';

/** What changed from an older version to a newer one, field by field. */
export function VersionCompare({
  accountId,
  entryPath,
  from,
  to,
}: {
  accountId: number;
  entryPath: string;
  from: number;
  to: number;
}) {
  const load = useLoad(
    () =>
      Promise.all([
        compareVersions(accountId, entryPath, from, to),
        getVersion(accountId, entryPath, from),
        getVersion(accountId, entryPath, to),
      ]),
    [accountId, entryPath, from, to],
  );
  if (load.loading) return <Loading what="the comparison" />;
  if (load.error) return <ErrorNotice error={load.error} />;
  const [changes, older, newer] = load.data!;
  return (
    <section aria-labelledby="compare-title" className="version-compare">
      <h2 id="compare-title">
        Changes from #{from} to #{to}
      </h2>
      <p className="hint">
        From {versionLabel(older)} ({older.status}) to {versionLabel(newer)} ({newer.status}).{' '}
        <span className="diff-legend">
          <del>Removed</del> <ins>added</ins>
        </span>
      </p>
      {changes.length === 0 ? (
        <p className="empty">These two versions hold the same content.</p>
      ) : (
        <ul className="changes" aria-label="Changed fields">
          {changes.map((c) => (
            <ChangeRow key={c.path} change={c} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ChangeRow({ change }: { change: Change }) {
  return (
    <li className="change" data-path={change.path}>
      <h3>
        <code>{change.path}</code>
      </h3>
      {change.diff ? (
        <WordDiff parts={change.diff} />
      ) : (
        <dl className="from-to">
          <dt>Before</dt>
          <dd className="change-from">{valueText(change.from)}</dd>
          <dt>After</dt>
          <dd className="change-to">{valueText(change.to)}</dd>
        </dl>
      )}
    </li>
  );
}

/** A long text or HTML as the API's word diff, marked up as text (never as the version's HTML). */
function WordDiff({ parts }: { parts: DiffPart[] }) {
  return (
    <p className="word-diff" data-testid="word-diff">
      {parts.map((p, i) =>
        p.added ? (
          <ins key={i}>{p.value}</ins>
        ) : p.removed ? (
          <del key={i}>{p.value}</del>
        ) : (
          <span key={i}>{p.value}</span>
        ),
      )}
    </p>
  );
}
