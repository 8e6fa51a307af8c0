import { useEffect, useState } from 'react';
import { roleAtLeast } from '../../../src/shared/roles';
import { api, accountPath, ApiError, qs, type FieldErrors } from '../api';
import { ErrorSummary } from '../components/entry-form';
import { PreviewButton } from '../components/preview-button';
import { ReadOnlyContext, useAccount } from '../context';
import { useSubmit } from '../hooks/use-submit';
import { Link, navigate, useRoute } from '../router';
import { loadSchema } from '../schema';
import { Confirm, ErrorNotice, Loading, Notice, ReadOnlyNote, useLoad, when } from '../ui';
import { RestoredNotice } from './history/restored-notice';
import { SchedulePanel, type ScheduleDialogKind } from './schedule/schedule-panel';
import { cancelledMessage, pastTimeRefusal, savedMessage, unpublishMessage, useTimingOverlay } from './schedule/timing';
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
  const schema = useLoad(() => loadSchema(account.id), [account.id]);
  const [form, setForm] = useState<PostForm>(EMPTY_POST);
  const [slugTouched, setSlugTouched] = useState(!isNew);
  const { busy, error, notice, run, setError, setNotice } = useSubmit();
  const [deleting, setDeleting] = useState(false);
  const [dialog, setDialog] = useState<ScheduleDialogKind>(null);
  const [shownPost, overlayTiming] = useTimingOverlay(post.data);
  useEffect(() => {
    if (post.data) setForm(formOf(post.data));
  }, [post.data]);
  useEffect(() => {
    if (isNew && authors.data && !form.author)
      setForm((f) => ({ ...f, author: authors.data!.find((a) => a.default)?.slug ?? authors.data![0]?.slug ?? '' }));
  }, [isNew, authors.data, form.author]);

  if (authors.loading || post.loading) return <Loading what="the post" />;
  if (authors.error || post.error) return <ErrorNotice error={authors.error ?? post.error} />;
  const p = shownPost;
  const errors: FieldErrors = error instanceof ApiError ? error.fields : {};
  const set = <K extends keyof PostForm>(key: K, value: PostForm[K]) => setForm((f) => ({ ...f, [key]: value }));

  // `patch`: what a schedule dialog changes of the form (its status and time).
  const save = (patch: Partial<PostForm> = {}) =>
    run(async () => {
      const next = { ...form, ...patch };
      const refused = next.status === 'scheduled' ? pastTimeRefusal('scheduled', next.scheduled) : null;
      if (refused) throw refused;
      const body = bodyOf(next, isNew || next.slug !== slug);
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
      return savedMessage('post', data.status, data.scheduled, !!data.published);
    });
  // Only the time: the form keeps what is not saved yet (useTimingOverlay).
  const setUnpublishAt = (at: string | null) =>
    run(async () => {
      const refused = at === null ? null : pastTimeRefusal('unpublish_at', at);
      if (refused) throw refused;
      const { data } = await api<{ data: Post }>('PUT', accountPath(account.id, `/posts/${encodeURIComponent(slug)}`), {
        unpublish_at: at,
      });
      const { status, published, scheduled, unpublish_at, updated } = data;
      overlayTiming({ status, published, scheduled, unpublish_at, updated });
      return unpublishMessage('post', at);
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
            {p.status === 'scheduled' && p.published ? 'published, with changes scheduled' : p.status}
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
      <SchedulePanel
        what="post"
        state={
          p && { status: p.status, scheduled: p.scheduled, unpublish_at: p.unpublish_at ?? null, live: !!p.published }
        }
        everyLocale={false}
        readOnly={readOnly}
        busy={busy}
        errors={errors}
        failure={error}
        dialog={dialog}
        setDialog={setDialog}
        onSchedule={(at) => save({ status: 'scheduled', scheduled: at })}
        onCancelSchedule={() =>
          void save({ status: 'draft' }).then((ok) => ok && setNotice(cancelledMessage('post', !!p?.published)))
        }
        onUnpublishAt={setUnpublishAt}
      />
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
              <button type="button" disabled={busy} onClick={() => setDialog('publish')}>
                Schedule…
              </button>
              {!isNew && (
                <PreviewButton template={schema.data?.blog?.preview_url} values={{ slug }} onError={setError} />
              )}
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
