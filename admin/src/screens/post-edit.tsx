import { useEffect, useState } from 'react';
import { POST_STATUSES, type PostStatus } from '../../../src/shared/posts';
import { roleAtLeast } from '../../../src/shared/roles';
import { api, accountPath, ApiError, qs, type FieldErrors } from '../api';
import { ErrorSummary } from '../components/entry-form';
import { MediaField } from '../components/media-picker';
import { RichText } from '../components/rich-text';
import { ReadOnlyContext, useAccount } from '../context';
import { useSubmit } from '../hooks/use-submit';
import { Link, navigate, useRoute } from '../router';
import { slugify } from '../slugify';
import { Confirm, ErrorNotice, Loading, Notice, ReadOnlyNote, useLoad, when } from '../ui';
import { bodyOf, EMPTY_POST, errorsOf, Field, formOf, type PostForm } from './post-form';
import { authorName, type Author, type Post } from './post-shapes';

const STATUS_LABELS: Record<PostStatus, string> = { draft: 'Draft', published: 'Published', scheduled: 'Scheduled' };

/** Writes a post: title, slug, rich-text body, summary, SEO, author, categories, tags, featured image, status and schedule. */
export function PostEdit({ slug, isNew = false }: { slug: string; isNew?: boolean }) {
  const { account } = useAccount();
  const { query } = useRoute();
  const readOnly = !roleAtLeast(account.role, 'editor');
  const authors = useLoad(() => api<{ data: Author[] }>('GET', accountPath(account.id, '/authors')).then((r) => r.data), [account.id]);
  const post = useLoad<Post | null>(
    () => (isNew ? Promise.resolve(null) : api<{ data: Post }>('GET', accountPath(account.id, `/posts/${encodeURIComponent(slug)}`)).then((r) => r.data)),
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
    if (isNew && authors.data && !form.author) setForm((f) => ({ ...f, author: authors.data!.find((a) => a.default)?.slug ?? authors.data![0]?.slug ?? '' }));
  }, [isNew, authors.data, form.author]);

  if (authors.loading || post.loading) return <Loading what="the post" />;
  if (authors.error || post.error) return <ErrorNotice error={authors.error ?? post.error} />;
  const p = post.data;
  const errors: FieldErrors = error instanceof ApiError ? error.fields : {};
  const set = <K extends keyof PostForm>(key: K, value: PostForm[K]) => setForm((f) => ({ ...f, [key]: value }));

  const save = () => run(async () => {
    const body = bodyOf(form, isNew || form.slug !== slug);
    if (isNew) {
      const { data } = await api<{ data: Post }>('POST', accountPath(account.id, '/posts'), body);
      navigate(`/posts/${encodeURIComponent(data.slug)}${qs({ saved: data.status })}`, true);
      return;
    }
    const { data } = await api<{ data: Post }>('PUT', accountPath(account.id, `/posts/${encodeURIComponent(slug)}`), body);
    if (data.slug !== slug) {
      navigate(`/posts/${encodeURIComponent(data.slug)}${qs({ saved: data.status })}`, true);
      return;
    }
    post.setData(data);
    return data.status === 'published' ? 'Published: /v2/posts serves this version now.' : data.status === 'scheduled' ? `Scheduled for ${when(data.scheduled)}.` : 'Draft saved.';
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
  const summaryErrors: FieldErrors = Object.fromEntries(Object.entries(errors).map(([k, v]) => [k.replace(/\.\d+$/, ''), v]));
  return (
    <section>
      <p className="crumbs"><Link to="/posts">Blog posts</Link> › {isNew ? 'New post' : p?.title || slug}</p>
      <div className="heading-row">
        <h1>{isNew ? 'New post' : p?.title || slug}</h1>
        {p && <span className={`badge status-${p.status}`} data-testid="post-status">{p.status}</span>}
      </div>
      {readOnly && <ReadOnlyNote role={account.role} />}
      {shown && !error && <Notice kind="ok">{shown}</Notice>}
      {error instanceof ApiError && Object.keys(error.fields).length ? <ErrorSummary errors={summaryErrors} /> : <ErrorNotice error={error} />}
      <ReadOnlyContext.Provider value={readOnly}>
        <form className="editor" onSubmit={(ev) => { ev.preventDefault(); void save(); }} noValidate>
          <fieldset className="plain" disabled={readOnly}>
            <legend className="visually-hidden">Post</legend>
            <Field id="f-title" label="Title" required errors={errorsOf(errors, 'title')}>
              {(d, inv) => <input id="f-title" value={form.title} required aria-invalid={inv} aria-describedby={d} onChange={(e) => { set('title', e.target.value); if (!slugTouched) set('slug', slugify(e.target.value)); }} />}
            </Field>
            <Field id="f-slug" label="Slug" required errors={errorsOf(errors, 'slug')} hint={`The post's address in the API: /v2/posts/${form.slug || '<slug>'}/`}>
              {(d, inv) => <input id="f-slug" value={form.slug} required aria-invalid={inv} aria-describedby={d} onChange={(e) => { set('slug', e.target.value); setSlugTouched(true); }} />}
            </Field>
            <Field id="f-body" label="Body" errors={errorsOf(errors, 'body')}>
              {(d, inv) => <RichText id="f-body" value={form.body} onChange={(html) => set('body', html)} describedBy={d} invalid={inv} />}
            </Field>
            <Field id="f-summary" label="Summary" errors={errorsOf(errors, 'summary')} hint="Shown in lists and feeds.">
              {(d, inv) => <textarea id="f-summary" rows={3} value={form.summary} aria-invalid={inv} aria-describedby={d} onChange={(e) => set('summary', e.target.value)} />}
            </Field>
            <div className="two-col">
              <Field id="f-author" label="Author" errors={errorsOf(errors, 'author')}>
                {(d, inv) => (
                  <select id="f-author" value={form.author} aria-invalid={inv} aria-describedby={d} onChange={(e) => set('author', e.target.value)}>
                    {(authors.data ?? []).map((a) => <option key={a.slug} value={a.slug}>{authorName(a)}{a.email ? ` (${a.email})` : ''}</option>)}
                  </select>
                )}
              </Field>
              <Field id="f-status" label="Status" errors={errorsOf(errors, 'status')}>
                {(d, inv) => (
                  <select id="f-status" value={form.status} aria-invalid={inv} aria-describedby={d} onChange={(e) => set('status', e.target.value as PostStatus)}>
                    {POST_STATUSES.map((s) => <option key={s} value={s}>{STATUS_LABELS[s]}</option>)}
                  </select>
                )}
              </Field>
              <Field id="f-categories" label="Categories" errors={errorsOf(errors, 'categories')} hint="Comma-separated; new names are created.">
                {(d, inv) => <input id="f-categories" value={form.categories} aria-invalid={inv} aria-describedby={d} onChange={(e) => set('categories', e.target.value)} />}
              </Field>
              <Field id="f-tags" label="Tags" errors={errorsOf(errors, 'tags')} hint="Comma-separated; new names are created.">
                {(d, inv) => <input id="f-tags" value={form.tags} aria-invalid={inv} aria-describedby={d} onChange={(e) => set('tags', e.target.value)} />}
              </Field>
            </div>
            {form.status === 'scheduled' && (
              <Field id="f-scheduled" label="Publish at" required errors={errorsOf(errors, 'scheduled')} hint="Your local time. Readers see the post from then on.">
                {(d, inv) => <input id="f-scheduled" type="datetime-local" value={form.scheduled} aria-invalid={inv} aria-describedby={d} onChange={(e) => set('scheduled', e.target.value)} />}
              </Field>
            )}
            <Field id="f-featured_image" label="Featured image" errors={errorsOf(errors, 'featured_image')}>
              {(d, inv) => <MediaField id="f-featured_image" value={form.featured_image} onChange={(url) => set('featured_image', url)} describedBy={d} invalid={inv} />}
            </Field>
            <Field id="f-featured_image_alt" label="Featured image alt text" errors={errorsOf(errors, 'featured_image_alt')}>
              {(d, inv) => <input id="f-featured_image_alt" value={form.featured_image_alt} aria-invalid={inv} aria-describedby={d} onChange={(e) => set('featured_image_alt', e.target.value)} />}
            </Field>
            <fieldset className="group">
              <legend>SEO</legend>
              <Field id="f-seo_title" label="SEO title" errors={errorsOf(errors, 'seo_title')}>
                {(d, inv) => <input id="f-seo_title" value={form.seo_title} aria-invalid={inv} aria-describedby={d} onChange={(e) => set('seo_title', e.target.value)} />}
              </Field>
              <Field id="f-meta_description" label="Meta description" errors={errorsOf(errors, 'meta_description')}>
                {(d, inv) => <textarea id="f-meta_description" rows={2} value={form.meta_description} aria-invalid={inv} aria-describedby={d} onChange={(e) => set('meta_description', e.target.value)} />}
              </Field>
            </fieldset>
          </fieldset>
          {!readOnly && (
            <div className="actions sticky">
              <button type="submit" className="primary" disabled={busy}>{form.status === 'published' ? 'Save and publish' : form.status === 'scheduled' ? 'Save and schedule' : 'Save draft'}</button>
              {!isNew && <button type="button" className="danger" onClick={() => setDeleting(true)}>Delete</button>}
            </div>
          )}
        </form>
      </ReadOnlyContext.Provider>
      {p && <p className="hint">Last change {when(p.updated)}{p.published ? `; published ${when(p.published)}` : ''}.</p>}
      {deleting && (
        <Confirm title="Delete this post?" confirmLabel="Delete post" danger onCancel={() => setDeleting(false)} onConfirm={() => void remove()}>
          <p>Every version of <strong>{p?.title || slug}</strong> is deleted. This cannot be undone.</p>
        </Confirm>
      )}
    </section>
  );
}
