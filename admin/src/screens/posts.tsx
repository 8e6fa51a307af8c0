import { useEffect, useState } from 'react';
import { api, accountPath, ApiError, qs, type FieldErrors } from '../api';
import { ErrorSummary } from '../components/entry-form';
import { MediaField } from '../components/media-picker';
import { RichText } from '../components/rich-text';
import { ReadOnlyContext, useAccount } from '../context';
import { Link, navigate, useRoute } from '../router';
import { can, type Paged } from '../types';
import { Confirm, Empty, ErrorNotice, Loading, Notice, ReadOnlyNote, useLoad, when } from '../ui';
import { Pager } from './pages-list';

type PostStatus = 'draft' | 'published' | 'scheduled';

interface PostSummary {
  title: string; slug: string; status: PostStatus; published: string | null; scheduled: string | null; updated: string;
  author: { slug: string; first_name: string; last_name: string; email: string };
}

interface Author { slug: string; first_name: string; last_name: string; email: string; default: boolean }

/** A post as the admin API reads it back (the /v2 post object of its newest version). */
interface Post {
  status: PostStatus; created: string; updated: string; published: string | null; scheduled: string | null;
  title: string; slug: string; body: string; summary: string; seo_title: string; meta_description: string;
  featured_image: string; featured_image_alt: string;
  author: { slug: string; email: string; first_name: string; last_name: string };
  categories: { name: string; slug: string }[]; tags: { name: string; slug: string }[];
}

const authorName = (a: { first_name: string; last_name: string; slug: string }) => `${a.first_name} ${a.last_name}`.trim() || a.slug;
const slugify = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');

/** An ISO time as a `datetime-local` value in the user's zone, and back. */
function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
function fromLocalInput(value: string): string | undefined {
  if (!value) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : d.toISOString();
}

/** Blog posts: every post's newest version, with a status filter and search. */
export function PostsList() {
  const { account } = useAccount();
  const { query } = useRoute();
  const status = query.get('status') ?? '';
  const search = query.get('query') ?? '';
  const page = Number(query.get('page') ?? '1') || 1;
  const [searchText, setSearchText] = useState(search);
  useEffect(() => setSearchText(search), [search]);
  const list = useLoad(() => api<Paged<PostSummary>>('GET', accountPath(account.id, `/posts${qs({ status, query: search, page, page_size: 20 })}`)), [account.id, status, search, page]);
  const go = (patch: Record<string, string>) => navigate(`/posts${qs({ status, query: search, page: '', ...patch })}`);
  return (
    <section>
      <div className="heading-row">
        <h1>Blog posts</h1>
        {can(account.role, 'editor') && <Link className="button primary" to="/posts/new">New post</Link>}
      </div>
      <form className="filters" role="search" onSubmit={(e) => { e.preventDefault(); go({ query: searchText.trim() }); }}>
        <div className="field">
          <label htmlFor="filter-status">Status</label>
          <select id="filter-status" value={status} onChange={(e) => go({ status: e.target.value })}>
            <option value="">Any</option>
            <option value="draft">Draft</option>
            <option value="published">Published</option>
            <option value="scheduled">Scheduled</option>
          </select>
        </div>
        <div className="field grow">
          <label htmlFor="filter-query">Search</label>
          <input id="filter-query" type="search" value={searchText} onChange={(e) => setSearchText(e.target.value)} placeholder="Title, summary or text" maxLength={256} />
        </div>
        <button type="submit">Search</button>
      </form>
      {list.loading && !list.data ? <Loading what="posts" /> : list.error ? <ErrorNotice error={list.error} /> : !list.data || list.data.data.length === 0 ? (
        <Empty>
          {search || status ? 'No posts match these filters.' : 'No posts yet.'}{' '}
          {can(account.role, 'editor') && <Link to="/posts/new">Write a post</Link>}
        </Empty>
      ) : (
        <>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Blog posts</caption>
              <thead>
                <tr><th scope="col">Title</th><th scope="col" className="hide-phone">Author</th><th scope="col">Status</th><th scope="col" className="hide-phone">Published / scheduled</th><th scope="col" className="hide-phone">Updated</th></tr>
              </thead>
              <tbody>
                {list.data.data.map((p) => (
                  <tr key={p.slug}>
                    <td><Link to={`/posts/${encodeURIComponent(p.slug)}`}>{p.title || p.slug}</Link><br /><code className="hint">{p.slug}</code></td>
                    <td className="hide-phone">{authorName(p.author)}</td>
                    <td><span className={`badge status-${p.status}`}>{p.status}</span></td>
                    <td className="hide-phone">{when(p.status === 'scheduled' ? p.scheduled : p.published)}</td>
                    <td className="hide-phone">{when(p.updated)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager meta={list.data.meta} onPage={(n) => go({ page: String(n) })} />
        </>
      )}
    </section>
  );
}

interface Form {
  title: string; slug: string; body: string; summary: string; seo_title: string; meta_description: string;
  featured_image: string; featured_image_alt: string; author: string; categories: string; tags: string; status: PostStatus; scheduled: string;
}

const EMPTY: Form = { title: '', slug: '', body: '', summary: '', seo_title: '', meta_description: '', featured_image: '', featured_image_alt: '', author: '', categories: '', tags: '', status: 'draft', scheduled: '' };

function formOf(p: Post): Form {
  return {
    title: p.title, slug: p.slug, body: p.body, summary: p.summary, seo_title: p.seo_title, meta_description: p.meta_description,
    featured_image: p.featured_image, featured_image_alt: p.featured_image_alt, author: p.author.slug,
    categories: p.categories.map((c) => c.name).join(', '), tags: p.tags.map((t) => t.name).join(', '),
    status: p.status, scheduled: toLocalInput(p.scheduled),
  };
}

const names = (s: string) => s.split(',').map((n) => n.trim()).filter(Boolean);

/** Errors of a key and of its items (`categories.2`). */
function errorsOf(errors: FieldErrors, key: string): string[] {
  return Object.entries(errors).filter(([k]) => k === key || k.startsWith(`${key}.`)).flatMap(([k, v]) => (k === key ? v : v.map((m) => `Item ${Number(k.split('.')[1]) + 1}: ${m}`)));
}

/** A labelled control with its hint and its errors beside it. */
function Field({ id, label, errors, hint, required, children }: { id: string; label: string; errors: string[]; hint?: string; required?: boolean; children: (describedBy: string | undefined, invalid: boolean) => React.ReactNode }) {
  const describedBy = [hint ? `${id}-help` : '', errors.length ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${errors.length ? ' invalid' : ''}`}>
      <label htmlFor={id} id={`${id}-label`}>{label}{required && <span className="req" aria-hidden="true"> *</span>}</label>
      {children(describedBy, errors.length > 0)}
      {hint && <p className="hint" id={`${id}-help`}>{hint}</p>}
      {errors.length > 0 && <p className="field-error" id={`${id}-error`}>{errors.join(' ')}</p>}
    </div>
  );
}

/** Writes a post: title, slug, rich-text body, summary, SEO, author, categories, tags, featured image, status and schedule. */
export function PostEdit({ slug, isNew = false }: { slug: string; isNew?: boolean }) {
  const { account } = useAccount();
  const { query } = useRoute();
  const readOnly = !can(account.role, 'editor');
  const authors = useLoad(() => api<{ data: Author[] }>('GET', accountPath(account.id, '/authors')).then((r) => r.data), [account.id]);
  const post = useLoad<Post | null>(
    () => (isNew ? Promise.resolve(null) : api<{ data: Post }>('GET', accountPath(account.id, `/posts/${encodeURIComponent(slug)}`)).then((r) => r.data)),
    [account.id, slug, isNew],
  );
  const [form, setForm] = useState<Form>(EMPTY);
  const [slugTouched, setSlugTouched] = useState(!isNew);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState('');
  const [busy, setBusy] = useState(false);
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
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));

  const save = async () => {
    setBusy(true);
    setError(null);
    setSaved('');
    const body = {
      title: form.title, ...((isNew || form.slug !== slug) && { slug: form.slug }), body: form.body, summary: form.summary,
      seo_title: form.seo_title, meta_description: form.meta_description, featured_image: form.featured_image, featured_image_alt: form.featured_image_alt,
      ...(form.author && { author: { slug: form.author } }), categories: names(form.categories), tags: names(form.tags),
      status: form.status, ...(form.status === 'scheduled' && { scheduled: fromLocalInput(form.scheduled) }),
    };
    try {
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
      setSaved(data.status === 'published' ? 'Published: /v2/posts serves this version now.' : data.status === 'scheduled' ? `Scheduled for ${when(data.scheduled)}.` : 'Draft saved.');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const remove = async () => {
    setDeleting(false);
    try {
      await api('DELETE', accountPath(account.id, `/posts/${encodeURIComponent(slug)}`));
      navigate('/posts', true);
    } catch (err) {
      setError(err);
    }
  };
  const justSaved = query.get('saved');
  const notice = saved || (justSaved ? `Post saved (${justSaved}).` : '');
  const summaryErrors: FieldErrors = Object.fromEntries(Object.entries(errors).map(([k, v]) => [k.replace(/\.\d+$/, ''), v]));
  return (
    <section>
      <p className="crumbs"><Link to="/posts">Blog posts</Link> › {isNew ? 'New post' : p?.title || slug}</p>
      <div className="heading-row">
        <h1>{isNew ? 'New post' : p?.title || slug}</h1>
        {p && <span className={`badge status-${p.status}`} data-testid="post-status">{p.status}</span>}
      </div>
      {readOnly && <ReadOnlyNote role={account.role} />}
      {notice && !error && <Notice kind="ok">{notice}</Notice>}
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
                    <option value="draft">Draft</option>
                    <option value="published">Published</option>
                    <option value="scheduled">Scheduled</option>
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
