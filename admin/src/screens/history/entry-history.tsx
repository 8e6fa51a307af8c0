import type { ReactNode } from 'react';
import { roleAtLeast } from '../../../../src/shared/roles';
import { qs } from '../../api';
import { FilterSelect } from '../../components/list-filters';
import { useAccount } from '../../context';
import { Link, navigate, useRoute } from '../../router';
import { ErrorNotice, Loading, useLoad } from '../../ui';
import { listVersions, type VersionSummary } from './history-api';
import type { HistorySubject } from './history-subject';
import { RestoreVersion } from './restore-version';
import { VersionCompare } from './version-compare';
import { VersionList } from './version-list';
import { VersionView } from './version-view';
import './history.css';

/**
 * An entry's history: its versions (`?page=`), one opened (`?open=<id>`), two compared
 * (`?compare=<older>-<newer>`); editors restore a version from the list or the opened one.
 */
export function EntryHistory({ subject }: { subject: HistorySubject }) {
  const { account } = useAccount();
  const { path, query } = useRoute();
  const defaultLocale = account.locales.find((l) => l.default)?.slug ?? '';
  const locale = subject.localized ? query.get('locale') || defaultLocale : '';
  const page = Number(query.get('page') ?? '1') || 1;
  const open = Number(query.get('open')) || null;
  const [older, newer] = (query.get('compare') ?? '').split('-').map(Number);
  const canRestore = roleAtLeast(account.role, 'editor');
  const go = (patch: Record<string, string | number>) =>
    navigate(`${path}${qs({ locale: subject.localized ? locale : '', page: '', open: '', compare: '', ...patch })}`);
  const versions = useLoad(
    () => listVersions(account.id, subject.entryPath, locale, page),
    [account.id, subject.entryPath, locale, page],
  );
  const restore = (v: VersionSummary) =>
    canRestore ? (
      <RestoreVersion
        accountId={account.id}
        entryPath={subject.entryPath}
        editorPath={subject.editorPath}
        version={v}
      />
    ) : null;

  let body: ReactNode;
  if (open) body = <VersionView accountId={account.id} entryPath={subject.entryPath} id={open} restore={restore} />;
  else if (older && newer)
    body = <VersionCompare accountId={account.id} entryPath={subject.entryPath} from={older} to={newer} />;
  else if (versions.loading) body = <Loading what="the versions" />;
  else if (versions.error) body = <ErrorNotice error={versions.error} />;
  else
    body = (
      <VersionList
        list={versions.data!}
        onPage={(n) => go({ page: n })}
        onOpen={(id) => go({ open: id })}
        onCompare={(a, b) => go({ compare: `${a}-${b}` })}
        restore={restore}
      />
    );
  const listing = !open && !(older && newer);
  return (
    <section>
      <p className="crumbs">
        <Link to={subject.list.to}>{subject.list.label}</Link> ›{' '}
        <Link to={`${subject.editorPath}${qs({ locale })}`}>{subject.title}</Link> › History
      </p>
      <div className="heading-row">
        <h1>History of {subject.title}</h1>
        {!listing && (
          <button type="button" onClick={() => go({ page })}>
            All versions
          </button>
        )}
      </div>
      {listing && subject.localized && (
        <div className="filters">
          <FilterSelect id="history-locale" label="Locale" value={locale} onChange={(l) => go({ locale: l })}>
            {account.locales.map((l) => (
              <option key={l.slug} value={l.slug}>
                {l.name}
              </option>
            ))}
          </FilterSelect>
        </div>
      )}
      {body}
    </section>
  );
}
