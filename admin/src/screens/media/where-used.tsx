import { Link } from '../../router';
import type { MediaUse } from '../../../../src/shared/media';
import { ErrorNotice, Loading, useLoad } from '../../ui';
import { mediaUses } from './media-api';
import { editorPathOf, kindLabelOf } from './media-format';

/** Entries and posts that use a file, each a link to its editor. */
export function UseList({ uses }: { uses: MediaUse[] }) {
  return (
    <ul className="use-list">
      {uses.map((u) => (
        <li key={`${u.kind}/${u.id}/${u.locale ?? ''}/${u.path}`}>
          <Link to={editorPathOf(u)}>{u.title || u.slug || `#${u.id}`}</Link>{' '}
          <span className="hint">
            {kindLabelOf(u)}
            {u.locale && ` · ${u.locale}`} · <code>{u.path}</code>
          </span>
        </li>
      ))}
    </ul>
  );
}

/** The "where used" section of a file's details; `tick` changes to load it again. */
export function WhereUsed({ accountId, name, tick }: { accountId: number; name: string; tick: number }) {
  const uses = useLoad(() => mediaUses(accountId, name), [accountId, name, tick]);
  return (
    <section className="details-section" aria-labelledby="where-used-title">
      <h3 id="where-used-title">Where it is used</h3>
      {uses.loading && !uses.data ? (
        <Loading what="where it is used" />
      ) : uses.error ? (
        <ErrorNotice error={uses.error} />
      ) : !uses.data?.length ? (
        <p className="hint">Not used by any page, collection item or post.</p>
      ) : (
        <UseList uses={uses.data} />
      )}
    </section>
  );
}
