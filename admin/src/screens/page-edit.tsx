import { useEffect, useState } from 'react';
import type { ExportedSchema, TypeDef } from '../../../src/shared/field-types';
import { roleAtLeast } from '../../../src/shared/roles';
import { api, accountPath, ApiError, qs } from '../api';
import { CopyFromLocale } from '../components/copy-locale';
import { EntryFields, ErrorSummary, fieldErrorsOf } from '../components/entry-form';
import { LocaleTabs } from '../components/locale-tabs';
import { useAccount } from '../context';
import { useSubmit } from '../hooks/use-submit';
import { Link, navigate, useRoute } from '../router';
import { emptyFields, loadSchema } from '../schema';
import { slugify } from '../slugify';
import type { Entry } from '../types';
import { Confirm, ErrorNotice, Loading, Notice, ReadOnlyNote, useLoad, when } from '../ui';

function typeOf(schema: ExportedSchema, typeKey: string, slug: string): TypeDef | undefined {
  return typeKey === '*' ? schema.single_pages[slug] : schema.page_types[typeKey];
}

/** Edits one page in one locale: draft, publish, unpublish, preview; or creates a page. */
export function PageEdit({ typeKey: initialType, slug, isNew = false }: { typeKey: string; slug: string; isNew?: boolean }) {
  const { account } = useAccount();
  const { query } = useRoute();
  const defaultLocale = account.locales.find((l) => l.default)?.slug ?? account.locales[0]?.slug ?? '';
  const locale = query.get('locale') || defaultLocale;
  const readOnly = !roleAtLeast(account.role, 'editor');
  const schema = useLoad<ExportedSchema>(() => loadSchema(account.id), [account.id]);
  const entry = useLoad<Entry | null>(
    () => (isNew ? Promise.resolve(null) : api<{ data: Entry }>('GET', accountPath(account.id, `/pages/${encodeURIComponent(initialType)}/${encodeURIComponent(slug)}${qs({ locale })}`)).then((r) => r.data)),
    [account.id, initialType, slug, locale, isNew],
  );
  const [typeKey, setTypeKey] = useState(initialType);
  const [title, setTitle] = useState('');
  const [newSlug, setNewSlug] = useState(slug);
  const [slugTouched, setSlugTouched] = useState(!isNew);
  const [values, setValues] = useState<Record<string, unknown>>({});
  const { busy, error, notice, run, setError } = useSubmit();
  const [preview, setPreview] = useState<unknown>(null);
  const [deleting, setDeleting] = useState(false);

  const type = schema.data ? typeOf(schema.data, typeKey, isNew && typeKey === '*' ? newSlug : slug) : undefined;
  useEffect(() => {
    if (entry.data) {
      setTitle(entry.data.name ?? '');
      setNewSlug(entry.data.slug ?? slug);
      setValues(entry.data.fields);
    }
  }, [entry.data, slug]);
  useEffect(() => {
    if (isNew && schema.data && type) setValues((v) => ({ ...emptyFields(type.fields, schema.data!), ...v }));
  }, [isNew, schema.data, type]);

  if (schema.loading || entry.loading) return <Loading what="the page" />;
  if (schema.error || entry.error) return <ErrorNotice error={schema.error ?? entry.error} />;
  const doc = schema.data!;
  const e = entry.data;
  const errors = fieldErrorsOf(error, locale);
  const path = `/pages/${encodeURIComponent(typeKey)}/${encodeURIComponent(slug)}`;

  const save = (status: 'draft' | 'published') => run(async () => {
    if (isNew) {
      const body = { title, slug: newSlug, page_type: typeKey || undefined, status, fields: values };
      const { data } = await api<{ data: Entry }>('POST', accountPath(account.id, `/pages${qs({ locale })}`), body);
      navigate(`/pages/${encodeURIComponent(data.page_type ?? '*')}/${encodeURIComponent(data.slug!)}${qs({ locale, saved: status })}`, true);
      return;
    }
    const body = { title, ...(newSlug !== slug && { slug: newSlug }), status, fields: values };
    const { data } = await api<{ data: Entry }>('PUT', accountPath(account.id, `${path}${qs({ locale })}`), body);
    if (data.slug !== slug) {
      navigate(`/pages/${encodeURIComponent(typeKey)}/${encodeURIComponent(data.slug!)}${qs({ locale })}`, true);
      return;
    }
    entry.setData(data);
    return status === 'published' ? 'Published: the /v2 API serves this version now.' : 'Draft saved. Published readers still see the last published version.';
  });
  const unpublish = () => run(async () => {
    const { data } = await api<{ data: Entry }>('POST', accountPath(account.id, `${path}/unpublish${qs({ locale })}`));
    entry.setData(data);
    return 'Unpublished in this locale: the page is a draft again.';
  });
  // A read, not a change: it keeps the last save's message.
  const showPreview = async () => {
    setError(null);
    try {
      const { data } = await api<{ data: unknown }>('GET', accountPath(account.id, `${path}/preview${qs({ locale })}`));
      setPreview(data);
    } catch (err) {
      setError(err);
    }
  };
  const remove = () => {
    setDeleting(false);
    return run(async () => {
      await api('DELETE', accountPath(account.id, path));
      navigate('/pages', true);
    });
  };

  const justSaved = query.get('saved');
  const shown = notice || (justSaved === 'published' ? 'Page created and published.' : justSaved === 'draft' ? 'Page created as a draft.' : '');
  const status = e?.status ?? null;
  return (
    <section>
      <p className="crumbs"><Link to="/pages">Pages</Link> › {isNew ? 'New page' : e?.name || slug}</p>
      <div className="heading-row">
        <h1>{isNew ? 'New page' : e?.name || slug}</h1>
        {!isNew && (
          <span className={`badge status-${status ?? 'none'}`} data-testid="page-status">
            {status === null ? `not written in ${locale} yet` : e?.published ? (e.unpublished_changes ? 'published, with draft changes' : 'published') : 'draft'}
          </span>
        )}
      </div>
      {readOnly && <ReadOnlyNote role={account.role} />}
      <LocaleTabs locales={account.locales} current={locale} to={(l) => `${isNew ? `/pages/new${qs({ type: typeKey })}&` : `${path}?`}locale=${l}`.replace('?&', '?')} has={e?.locales ?? []} />
      {!readOnly && <CopyFromLocale key={locale} entry={e} locales={account.locales} what="page"
        load={(l) => api<{ data: Entry }>('GET', accountPath(account.id, `${path}${qs({ locale: l })}`)).then((r) => r.data)}
        onCopy={(source) => { setTitle(source.name ?? ''); setValues(source.fields); }} />}
      {shown && !error && <Notice kind="ok">{shown}</Notice>}
      {error instanceof ApiError && Object.keys(error.fields).length ? <ErrorSummary errors={errors} /> : <ErrorNotice error={error} />}
      <form className="editor" onSubmit={(ev) => { ev.preventDefault(); void save('draft'); }} noValidate>
        <fieldset className="plain" disabled={readOnly}>
          <legend className="visually-hidden">Page</legend>
          {isNew && (
            <div className="field">
              <label htmlFor="page-type">Page type</label>
              <select id="page-type" value={typeKey} onChange={(ev) => { setTypeKey(ev.target.value); setValues({}); }}>
                <option value="">Choose…</option>
                {Object.entries(doc.page_types).map(([k, t]) => <option key={k} value={k}>{t.name ?? k}</option>)}
                {Object.keys(doc.single_pages).length > 0 && <option value="*">Single page</option>}
              </select>
            </div>
          )}
          <div className={`field${errors.title ? ' invalid' : ''}`}>
            <label htmlFor="f-title">Title <span className="req" aria-hidden="true">*</span></label>
            <input id="f-title" value={title} required aria-invalid={!!errors.title} aria-describedby={errors.title ? 'f-title-error' : undefined}
              onChange={(ev) => { setTitle(ev.target.value); if (!slugTouched) setNewSlug(slugify(ev.target.value)); }} />
            {errors.title && <p className="field-error" id="f-title-error">{errors.title.join(' ')}</p>}
          </div>
          <div className={`field${errors.slug ? ' invalid' : ''}`}>
            <label htmlFor="f-slug">Slug</label>
            {isNew && typeKey === '*' ? (
              <select id="f-slug" value={newSlug} onChange={(ev) => { setNewSlug(ev.target.value); setSlugTouched(true); setValues({}); }}>
                <option value="">Choose…</option>
                {Object.entries(doc.single_pages).map(([k, t]) => <option key={k} value={k}>{t.name} ({k})</option>)}
              </select>
            ) : (
              <input id="f-slug" value={newSlug} required aria-invalid={!!errors.slug} aria-describedby={`f-slug-help${errors.slug ? ' f-slug-error' : ''}`}
                disabled={!isNew && typeKey === '*'} onChange={(ev) => { setNewSlug(ev.target.value); setSlugTouched(true); }} />
            )}
            <p className="hint" id="f-slug-help">The page's address in the API: <code>/v2/pages/{typeKey || '<type>'}/{newSlug || '<slug>'}/</code></p>
            {errors.slug && <p className="field-error" id="f-slug-error">{errors.slug.join(' ')}</p>}
          </div>
          {errors.page_type && <p className="field-error">{errors.page_type.join(' ')}</p>}
        </fieldset>
        {type ? (
          <EntryFields fields={type.fields} values={values} onChange={setValues} errors={errors} schema={doc} locale={locale} readOnly={readOnly} />
        ) : isNew ? <p className="hint">Choose a page type to see its fields.</p> : null}
        {!readOnly && (
          <div className="actions sticky">
            <button type="submit" disabled={busy || (isNew && !type)}>Save draft</button>
            <button type="button" className="primary" disabled={busy || (isNew && !type)} onClick={() => void save('published')}>Publish</button>
            {!isNew && e?.published && <button type="button" disabled={busy} onClick={() => void unpublish()}>Unpublish</button>}
            {!isNew && status !== null && <button type="button" onClick={() => void showPreview()}>Preview draft</button>}
            {!isNew && <button type="button" className="danger" onClick={() => setDeleting(true)}>Delete</button>}
          </div>
        )}
        {readOnly && !isNew && status !== null && (
          <div className="actions"><button type="button" onClick={() => void showPreview()}>Preview draft</button></div>
        )}
      </form>
      {!isNew && e && <p className="hint">Last change {when(e.updated)}{e.published ? `; live since ${when(e.published)}` : ''}.</p>}
      {preview !== null && (
        <div className="card" role="region" aria-label="Preview">
          <div className="heading-row"><h2>Preview of the newest version ({locale})</h2><button type="button" onClick={() => setPreview(null)}>Close preview</button></div>
          <p className="hint">What <code>/v2</code> answers with <code>preview=1</code>.</p>
          <pre className="json">{JSON.stringify(preview, null, 2)}</pre>
        </div>
      )}
      {deleting && (
        <Confirm title="Delete this page?" confirmLabel="Delete page" danger onCancel={() => setDeleting(false)} onConfirm={() => void remove()}>
          <p>Every locale and version of <strong>{e?.name || slug}</strong> is deleted. This cannot be undone.</p>
        </Confirm>
      )}
    </section>
  );
}
