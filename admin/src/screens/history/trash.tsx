import { useState } from 'react';
import { roleAtLeast } from '../../../../src/shared/roles';
import { qs } from '../../api';
import { FilterSelect } from '../../components/list-filters';
import { useAccount } from '../../context';
import { useSubmit } from '../../hooks/use-submit';
import { navigate, useRoute } from '../../router';
import { Confirm, ErrorNotice, Loading, Notice, ReadOnlyNote, useLoad } from '../../ui';
import { listTrash, purgeTrash, restoreTrash, type TrashKind, type TrashRow } from './history-api';
import { KIND_NAMES } from './history-format';
import { PurgeOlder } from './purge-older';
import { TrashTable } from './trash-table';
import './history.css';

/** Where a restored entry is listed again. */
const LISTED_UNDER: Record<TrashKind, string> = { page: 'Pages', item: 'Collections', post: 'Blog posts' };

/**
 * The trash: deleted pages, items and posts, newest first, by kind. Editors restore; admins purge
 * one for good, or everything deleted more than some days ago.
 */
export function Trash() {
  const { account } = useAccount();
  const { query } = useRoute();
  const kind = query.get('kind') ?? '';
  const page = Number(query.get('page') ?? '1') || 1;
  const canRestore = roleAtLeast(account.role, 'editor');
  const canPurge = roleAtLeast(account.role, 'admin');
  const list = useLoad(() => listTrash(account.id, kind, page), [account.id, kind, page]);
  const { busy, error, notice, run } = useSubmit();
  const [purging, setPurging] = useState<TrashRow | null>(null);
  const go = (patch: Record<string, string>) => navigate(`/trash${qs({ kind, page: '', ...patch })}`);
  const restore = (row: TrashRow) =>
    void run(async () => {
      await restoreTrash(account.id, row);
      list.reload();
      return `Restored the ${KIND_NAMES[row.kind]} “${row.name}”: it is back under ${LISTED_UNDER[row.kind]}.`;
    });
  const purge = (row: TrashRow) => {
    setPurging(null);
    void run(async () => {
      await purgeTrash(account.id, row);
      list.reload();
      return `Purged the ${KIND_NAMES[row.kind]} “${row.name}” for good.`;
    });
  };

  return (
    <section>
      <h1>Trash</h1>
      <p className="lead">
        A deleted page, collection item or blog post stays here, with its history, until the date shown; then it is
        purged for good.
      </p>
      {!canRestore && <ReadOnlyNote role={account.role} />}
      <div className="filters">
        <FilterSelect id="trash-kind" label="Kind" value={kind} onChange={(k) => go({ kind: k })}>
          <option value="">Everything</option>
          <option value="page">Pages</option>
          <option value="item">Collection items</option>
          <option value="post">Blog posts</option>
        </FilterSelect>
      </div>
      {notice && !error && <Notice kind="ok">{notice}</Notice>}
      <ErrorNotice error={error} />
      {list.loading && !list.data ? (
        <Loading what="the trash" />
      ) : list.error ? (
        <ErrorNotice error={list.error} />
      ) : (
        <TrashTable
          list={list.data!}
          filtered={kind !== ''}
          busy={busy}
          onPage={(n) => go({ page: String(n) })}
          onRestore={canRestore ? restore : undefined}
          onPurge={canPurge ? setPurging : undefined}
        />
      )}
      {canPurge && <PurgeOlder accountId={account.id} onPurged={list.reload} />}
      {purging && (
        <Confirm
          title={`Purge “${purging.name}”?`}
          confirmLabel="Purge for good"
          danger
          onCancel={() => setPurging(null)}
          onConfirm={() => purge(purging)}
        >
          <p>The {KIND_NAMES[purging.kind]} and its whole history are removed for good. This cannot be undone.</p>
        </Confirm>
      )}
    </section>
  );
}
