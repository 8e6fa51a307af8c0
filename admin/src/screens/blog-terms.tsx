import { useState } from 'react';
import { roleAtLeast } from '../../../src/shared/roles';
import { api, accountPath } from '../api';
import { useAccount } from '../context';
import { useSubmit } from '../hooks/use-submit';
import { Link } from '../router';
import { Confirm, Empty, ErrorNotice, Loading, Notice, ReadOnlyNote, useLoad } from '../ui';

type Kind = 'categories' | 'tags';

interface Term {
  name: string;
  slug: string;
  posts: number;
}

const NOUN: Record<Kind, string> = { categories: 'category', tags: 'tag' };

/** Blog › Categories & tags: how many posts use each; an unused one can be deleted. */
export function BlogTerms() {
  const { account } = useAccount();
  const editor = roleAtLeast(account.role, 'editor');
  const [notice, setNotice] = useState('');
  return (
    <section>
      <h1>Categories &amp; tags</h1>
      <p className="lead">
        Posts create categories and tags by name when they first use them. Deleting a post keeps its categories and
        tags, so <code>/v2/categories</code> and <code>/v2/tags</code> go on listing them: delete the ones no post uses
        here. To take one off posts, edit them in <Link to="/posts">Blog posts</Link>.
      </p>
      {!editor && <ReadOnlyNote role={account.role} />}
      {notice && <Notice kind="ok">{notice}</Notice>}
      <TermTable kind="categories" editor={editor} onDeleted={setNotice} />
      <TermTable kind="tags" editor={editor} onDeleted={setNotice} />
    </section>
  );
}

function TermTable({ kind, editor, onDeleted }: { kind: Kind; editor: boolean; onDeleted: (message: string) => void }) {
  const { account } = useAccount();
  const list = useLoad(
    () => api<{ data: Term[] }>('GET', accountPath(account.id, `/${kind}`)).then((r) => r.data),
    [account.id, kind],
  );
  const [deleting, setDeleting] = useState<Term | null>(null);
  const { error, run } = useSubmit();
  const title = kind === 'categories' ? 'Categories' : 'Tags';
  const remove = async (term: Term) => {
    setDeleting(null);
    await run(async () => {
      await api('DELETE', accountPath(account.id, `/${kind}/${encodeURIComponent(term.slug)}`));
      onDeleted(`Deleted the ${NOUN[kind]} "${term.name}".`);
    });
    list.reload();
  };
  return (
    <div className="card" role="region" aria-label={title}>
      <h2>{title}</h2>
      <ErrorNotice error={error} />
      {list.loading && !list.data ? (
        <Loading what={kind} />
      ) : list.error ? (
        <ErrorNotice error={list.error} />
      ) : !list.data || list.data.length === 0 ? (
        <Empty>No {kind} yet. A post creates one when it names it.</Empty>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Slug</th>
                <th scope="col">Posts</th>
                {editor && (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {list.data.map((t) => (
                <tr key={t.slug}>
                  <td>{t.name}</td>
                  <td>
                    <code>{t.slug}</code>
                  </td>
                  <td>{t.posts === 0 ? <span className="badge muted">unused</span> : t.posts}</td>
                  {editor && (
                    <td>
                      <button
                        type="button"
                        className="small danger"
                        disabled={t.posts > 0}
                        aria-label={`Delete the ${NOUN[kind]} ${t.name}`}
                        title={
                          t.posts > 0
                            ? `Used by ${t.posts} post${t.posts === 1 ? '' : 's'}: take it off them first`
                            : undefined
                        }
                        onClick={() => setDeleting(t)}
                      >
                        Delete
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {deleting && (
        <Confirm
          title={`Delete this ${NOUN[kind]}?`}
          confirmLabel={`Delete ${NOUN[kind]}`}
          danger
          onCancel={() => setDeleting(null)}
          onConfirm={() => void remove(deleting)}
        >
          <p>
            No post uses <strong>{deleting.name}</strong>. It goes from <code>/v2/{kind}</code> at once; a post that
            names it later creates it again.
          </p>
        </Confirm>
      )}
    </div>
  );
}
