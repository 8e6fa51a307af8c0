import { roleAtLeast } from '../../../../src/shared/roles';
import { qs } from '../../api';
import { useAccount } from '../../context';
import { navigate, useRoute } from '../../router';
import { ErrorNotice, Loading, Notice, useLoad } from '../../ui';
import { AuditFilters, type AuditQuery } from './audit-filters';
import { AuditTable } from './audit-table';
import { listAudit } from './history-api';
import './history.css';

/** A `datetime-local` value (the viewer's time) as the ISO 8601 instant the API takes; '' stays ''. */
function instant(local: string): string {
  const d = new Date(local);
  return local && !Number.isNaN(d.getTime()) ? d.toISOString() : '';
}

/** The audit log (admins): who changed what and when, from where, newest first, with filters. */
export function AuditLog() {
  const { account } = useAccount();
  const { query } = useRoute();
  const filters: AuditQuery = {
    actor: query.get('actor') ?? '',
    kind: query.get('kind') ?? '',
    target: query.get('target') ?? '',
    since: query.get('since') ?? '',
    until: query.get('until') ?? '',
  };
  const page = Number(query.get('page') ?? '1') || 1;
  const allowed = roleAtLeast(account.role, 'admin');
  const key = JSON.stringify(filters);
  const list = useLoad(
    () =>
      allowed
        ? listAudit(account.id, { ...filters, since: instant(filters.since), until: instant(filters.until) }, page)
        : Promise.resolve(null),
    [account.id, allowed, key, page],
  );
  const go = (next: AuditQuery, p = 1) => navigate(`/audit${qs({ ...next, page: p > 1 ? p : '' })}`);
  return (
    <section>
      <h1>Audit log</h1>
      <p className="lead">
        Every change in this account, by whom (a user by email, a token by its label), from which client and request.
        Records are never edited.
      </p>
      {!allowed ? (
        <Notice kind="info">Only admins and owners of the account can read its audit log.</Notice>
      ) : (
        <>
          <AuditFilters key={key} value={filters} onApply={(next) => go(next)} />
          {list.loading && !list.data ? (
            <Loading what="the audit log" />
          ) : list.error ? (
            <ErrorNotice error={list.error} />
          ) : (
            <AuditTable
              list={list.data!}
              filtered={Object.values(filters).some(Boolean)}
              onPage={(p) => go(filters, p)}
            />
          )}
        </>
      )}
    </section>
  );
}
