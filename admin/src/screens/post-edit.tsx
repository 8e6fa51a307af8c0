import { useEffect, useState } from 'react';
import { roleAtLeast } from '../../../src/shared/roles';
import { api, accountPath, ApiError, qs, type FieldErrors } from '../api';
import { ErrorSummary } from '../components/entry-form';
import { ReadOnlyContext, useAccount } from '../context';
import { useSubmit } from '../hooks/use-submit';
import { Link, navigate, useRoute } from '../router';
import { Confirm, ErrorNotice, Loading, Notice, ReadOnlyNote, useLoad, when } from '../ui';
import { RestoredNotice } from './history/restored-notice';
import { PostFields } from './post-fields';
import { bodyOf, EMPTY_POST, formOf, type PostForm } from './post-form';
import type { Author, Post } from './post-shapes';

/** Writes a post: title, slug, rich-text body, summary, SEO, author, categories, tags, featured image, status and schedule. */
export function PostEdit({ slug, isNew = false }: { slug: string; isNew?: boolean }) {
  const { account } = useAccount();
  const { query } = useRoute();
  const readOnly = !roleAtLeast(account.role, 'editor');
  const authors = useLoad(
    () => api<{ data: Author[] }>('GET', accountPath(account.id, '/authors')).then((r) => r.data),
    [account.id],
  );
  const post = useLoad<Post | null>(
    () =>
      isNew
        ? Promise.resolve(null)
        : api<{ data: Post }>('GET', accountPath(account.id, `/posts/${encodeURIComponent(slug)}`)).then((r) => r.data),
    [account.id, slug, isNew],
  );
  const [form, setForm] = useState<PostForm>(EMPTY_POST);
  const [slugTouched, setSlugTouched] = useState(!isNew);
  const { busy, error, notice, run } = useSubmit();
  const [deleting, setDeleting] = useState(false);
  useEffect(() => {
    if (post.data) setForm(formOf(post.data));
  }, [post.data]);
  useEffect(() => {
    if (isNew && authors.data && !form.author)
      setForm((f) => ({ ...f, author: authors.data!.find((a) => a.default)?.slug ?? authors.data![0]?.slug ?? '' }));
  }, [isNew, authors.data, form.author]);

  if (authors.loading || post.loading) return <Loading what="the post" />;
  if (authors.error || post.error) return <ErrorNotice error={authors.error ?? post.error} />;
  const p = post.data;
  const errors: FieldErrors = error instanceof ApiError ? error.fields : {};
  const set = <K extends keyof PostForm>(key: K, value: PostForm[K]) => setForm((f) => ({ ...f, [key]: value }));

  const save = () =>
    run(async () => {
      const body = bodyOf(form, isNew || form.slug !== slug);
      if (isNew) {
        const { data } = await api<{ data: Post }>('POST', accountPath(account.id, '/posts'), body);
        navigate(`/posts/${encodeURIComponent(data.slug)}${qs({ saved: data.status })}`, true);
        return;
      }
      const { data } = await api<{ data: Post }>(
        'PUT',
        accountPath(account.id, `/posts/${encodeURIComponent(slug)}`),
        body,
      );
      if (data.slug !== slug) {
        navigate(`/posts/${encodeURIComponent(data.slug)}${qs({ saved: data.status })}`, true);
        return;
      }
      post.setData(data);
      return data.status === 'published'
        ? 'Published: /v2/posts serves this version now.'
        : data.status === 'scheduled'
          ? `Scheduled for ${when(data.scheduled)}.`
          : 'Draft saved.';
    });
  const remove = () => {
    setDeleting(false);
    return run(async () => {
      await api('DELETE', accountPath(account.id, `/posts/${encodeURIComponent(slug)}`));
      navigate('/posts', true);
    });
  };
  const justSaved = query.get('saved');
  const shown = notice || (justSaved ? `Post saved (${justSaved}).` : '');
  const summaryErrors: FieldErrors = Object.fromEntries(
    Object.entries(errors).map(([k, v]) => [k.replace(/\.\d+$/, ''), v]),
  );
  return (
    <section>
      <p className="crumbs">
        <Link to="/posts">Blog posts</Link> › {isNew ? 'New post' : p?.title || slug}
      </p>
      <div className="heading-row">
        <h1>{isNew ? 'New post' : p?.title || slug}</h1>
        {p && (
          <span className={`badge status-${p.status}`} data-testid="post-status">
            {p.status}
          </span>
        )}
        {!isNew && (
          <Link className="button" to={`/posts/${encodeURIComponent(slug)}/history`}>
            History
          </Link>
        )}
      </div>
      {readOnly && <ReadOnlyNote role={account.role} />}
      {shown && !error && <Notice kind="ok">{shown}</Notice>}
      <RestoredNotice hidden={!!shown || !!error} />
      {error instanceof ApiError && Object.keys(error.fields).length ? (
        <ErrorSummary errors={summaryErrors} />
      ) : (
        <ErrorNotice error={error} />
      )}
      <ReadOnlyContext.Provider value={readOnly}>
        <form
          className="editor"
          onSubmit={(ev) => {
            ev.preventDefault();
            void save();
          }}
          noValidate
        >
          <fieldset className="plain" disabled={readOnly}>
            <legend className="visually-hidden">Post</legend>
            <PostFields
              form={form}
              set={set}
              errors={errors}
              authors={authors.data ?? []}
              slugTouched={slugTouched}
              setSlugTouched={setSlugTouched}
            />
          </fieldset>
          {!readOnly && (
            <div className="actions sticky">
              <button type="submit" className="primary" disabled={busy}>
                {form.status === 'published'
                  ? 'Save and publish'
                  : form.status === 'scheduled'
                    ? 'Save and schedule'
                    : 'Save draft'}
              </button>
              {!isNew && (
                <button type="button" className="danger" onClick={() => setDeleting(true)}>
                  Delete
                </button>
              )}
            </div>
          )}
        </form>
      </ReadOnlyContext.Provider>
      {p && (
        <p className="hint">
          Last change {when(p.updated)}
          {p.published ? `; published ${when(p.published)}` : ''}.
        </p>
      )}
      {deleting && (
        <Confirm
          title="Delete this post?"
          confirmLabel="Delete post"
          danger
          onCancel={() => setDeleting(false)}
          onConfirm={() => void remove()}
        >
          <p>
            <strong>{p?.title || slug}</strong> goes to the Trash with every version: it can be restored from there
            until it is purged.
          </p>
        </Confirm>
      )}
    </section>
  );
}
