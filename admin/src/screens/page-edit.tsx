import { useEffect, useState } from 'react';
import type { ExportedSchema, TypeDef } from '../../../src/shared/field-types';
import { roleAtLeast } from '../../../src/shared/roles';
import { api, accountPath, ApiError, qs } from '../api';
import { CopyFromLocale } from '../components/copy-locale';
import { EntryFields, ErrorSummary, fieldErrorsOf } from '../components/entry-form';
import { LocaleTabs } from '../components/locale-tabs';
import { PreviewButton } from '../components/preview-button';
import { useAccount } from '../context';
import { useSubmit } from '../hooks/use-submit';
import { Link, navigate, useRoute } from '../router';
import { emptyFields, loadSchema } from '../schema';
import type { Entry, EntryStatus } from '../types';
import { Confirm, ErrorNotice, Loading, Notice, ReadOnlyNote, useLoad, when } from '../ui';
import { RestoredNotice } from './history/restored-notice';
import { SchedulePanel, type ScheduleDialogKind } from './schedule/schedule-panel';
import { cancelledMessage, pastTimeRefusal, savedMessage, unpublishMessage, useTimingOverlay } from './schedule/timing';
import { PageEditActions } from './page-edit-actions';
import { PageNameFields } from './page-name-fields';
import { PagePreview } from './page-preview';
import { PageStatusBadge } from './page-status-badge';
import { usePageDraft } from './use-page-draft';

function typeOf(schema: ExportedSchema, typeKey: string, slug: string): TypeDef | undefined {
  return typeKey === '*' ? schema.single_pages[slug] : schema.page_types[typeKey];
}

/** Edits one page in one locale: draft, publish, schedule, unpublish, preview; or creates a page. */
export function PageEdit({
  typeKey: initialType,
  slug,
  isNew = false,
}: {
  typeKey: string;
  slug: string;
  isNew?: boolean;
}) {
  const { account } = useAccount();
  const { query } = useRoute();
  const defaultLocale = account.locales.find((l) => l.default)?.slug ?? account.locales[0]?.slug ?? '';
  const locale = query.get('locale') || defaultLocale;
  const readOnly = !roleAtLeast(account.role, 'editor');
  const schema = useLoad<ExportedSchema>(() => loadSchema(account.id), [account.id]);
  const entry = useLoad<Entry | null>(
    () =>
      isNew
        ? Promise.resolve(null)
        : api<{ data: Entry }>(
            'GET',
            accountPath(
              account.id,
              `/pages/${encodeURIComponent(initialType)}/${encodeURIComponent(slug)}${qs({ locale })}`,
            ),
          ).then((r) => r.data),
    [account.id, initialType, slug, locale, isNew],
  );
  const draft = usePageDraft(initialType, slug, isNew);
  const { typeKey, title, newSlug, values, setTitle, setNewSlug, setValues } = draft;
  const { busy, error, notice, run, setError, setNotice } = useSubmit();
  const [preview, setPreview] = useState<unknown>(null);
  const [deleting, setDeleting] = useState(false);
  const [dialog, setDialog] = useState<ScheduleDialogKind>(null);
  const [shownEntry, overlayTiming] = useTimingOverlay(entry.data);

  const type = schema.data ? typeOf(schema.data, typeKey, isNew && typeKey === '*' ? newSlug : slug) : undefined;
  // The draft's setters are useState's (usePageDraft): stable, listed for the linter only.
  useEffect(() => {
    if (entry.data) {
      setTitle(entry.data.name ?? '');
      setNewSlug(entry.data.slug ?? slug);
      setValues(entry.data.fields);
    }
  }, [entry.data, slug, setTitle, setNewSlug, setValues]);
  useEffect(() => {
    if (isNew && schema.data && type) setValues((v) => ({ ...emptyFields(type.fields, schema.data!), ...v }));
  }, [isNew, schema.data, type, setValues]);

  if (schema.loading || entry.loading) return <Loading what="the page" />;
  if (schema.error || entry.error) return <ErrorNotice error={schema.error ?? entry.error} />;
  const doc = schema.data!;
  const e = shownEntry;
  const errors = fieldErrorsOf(error, locale);
  const path = `/pages/${encodeURIComponent(typeKey)}/${encodeURIComponent(slug)}`;

  const save = (status: EntryStatus, scheduled?: string) =>
    run(async () => {
      const refused = scheduled === undefined ? null : pastTimeRefusal('scheduled', scheduled);
      if (refused) throw refused;
      if (isNew) {
        const body = { title, slug: newSlug, page_type: typeKey || undefined, status, scheduled, fields: values };
        const { data } = await api<{ data: Entry }>('POST', accountPath(account.id, `/pages${qs({ locale })}`), body);
        navigate(
          `/pages/${encodeURIComponent(data.page_type ?? '*')}/${encodeURIComponent(data.slug!)}${qs({ locale, saved: status })}`,
          true,
        );
        return;
      }
      const body = { title, ...(newSlug !== slug && { slug: newSlug }), status, scheduled, fields: values };
      const { data } = await api<{ data: Entry }>('PUT', accountPath(account.id, `${path}${qs({ locale })}`), body);
      if (data.slug !== slug) {
        navigate(`/pages/${encodeURIComponent(typeKey)}/${encodeURIComponent(data.slug!)}${qs({ locale })}`, true);
        return;
      }
      entry.setData(data);
      return savedMessage('page', data.status, data.scheduled, !!data.published);
    });
  // Only the time: the form keeps what is not saved yet (useTimingOverlay).
  const setUnpublishAt = (at: string | null) =>
    run(async () => {
      const refused = at === null ? null : pastTimeRefusal('unpublish_at', at);
      if (refused) throw refused;
      const { data } = await api<{ data: Entry }>('PUT', accountPath(account.id, `${path}${qs({ locale })}`), {
        unpublish_at: at,
      });
      const { status, published, scheduled, unpublish_at, updated, unpublished_changes } = data;
      overlayTiming({ status, published, scheduled, unpublish_at, updated, unpublished_changes });
      return unpublishMessage('page', at);
    });
  const unpublish = () =>
    run(async () => {
      const { data } = await api<{ data: Entry }>(
        'POST',
        accountPath(account.id, `${path}/unpublish${qs({ locale })}`),
      );
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
  const shown =
    notice ||
    (justSaved === 'published'
      ? 'Page created and published.'
      : justSaved === 'draft'
        ? 'Page created as a draft.'
        : justSaved === 'scheduled' && e?.scheduled
          ? savedMessage('page', 'scheduled', e.scheduled, false)
          : '');
  const status = e?.status ?? null;
  return (
    <section>
      <p className="crumbs">
        <Link to="/pages">Pages</Link> › {isNew ? 'New page' : e?.name || slug}
      </p>
      <div className="heading-row">
        <h1>{isNew ? 'New page' : e?.name || slug}</h1>
        {!isNew && <PageStatusBadge entry={e} locale={locale} />}
        {!isNew && (
          <Link className="button" to={`${path}/history${qs({ locale })}`}>
            History
          </Link>
        )}
      </div>
      {readOnly && <ReadOnlyNote role={account.role} />}
      <LocaleTabs
        locales={account.locales}
        current={locale}
        to={(l) => `${isNew ? `/pages/new${qs({ type: typeKey })}&` : `${path}?`}locale=${l}`.replace('?&', '?')}
        has={e?.locales ?? []}
      />
      {!readOnly && (
        <CopyFromLocale
          key={locale}
          entry={e}
          locales={account.locales}
          what="page"
          load={(l) =>
            api<{ data: Entry }>('GET', accountPath(account.id, `${path}${qs({ locale: l })}`)).then((r) => r.data)
          }
          onCopy={(source) => {
            setTitle(source.name ?? '');
            setValues(source.fields);
          }}
        />
      )}
      {shown && !error && <Notice kind="ok">{shown}</Notice>}
      <RestoredNotice hidden={!!shown || !!error} />
      {error instanceof ApiError && Object.keys(error.fields).length ? (
        <ErrorSummary errors={errors} />
      ) : (
        <ErrorNotice error={error} />
      )}
      <SchedulePanel
        what="page"
        state={e && { ...e, live: !!e.published }}
        everyLocale={account.locales.length > 1}
        readOnly={readOnly}
        busy={busy}
        errors={errors}
        failure={error}
        dialog={dialog}
        setDialog={setDialog}
        onSchedule={(at) => save('scheduled', at)}
        onCancelSchedule={() =>
          void save('draft').then((ok) => ok && setNotice(cancelledMessage('page', !!e?.published)))
        }
        onUnpublishAt={setUnpublishAt}
      />
      <form
        className="editor"
        onSubmit={(ev) => {
          ev.preventDefault();
          void save('draft');
        }}
        noValidate
      >
        <fieldset className="plain" disabled={readOnly}>
          <legend className="visually-hidden">Page</legend>
          <PageNameFields draft={draft} doc={doc} isNew={isNew} errors={errors} />
        </fieldset>
        {type ? (
          <EntryFields
            fields={type.fields}
            values={values}
            onChange={setValues}
            errors={errors}
            schema={doc}
            locale={locale}
            readOnly={readOnly}
          />
        ) : isNew ? (
          <p className="hint">Choose a page type to see its fields.</p>
        ) : null}
        <PageEditActions
          readOnly={readOnly}
          isNew={isNew}
          busy={busy}
          canSave={!(isNew && !type)}
          published={!!e?.published}
          written={status !== null}
          onPublish={() => void save('published')}
          onSchedule={() => setDialog('publish')}
          onUnpublish={() => void unpublish()}
          onPreview={() => void showPreview()}
          onDelete={() => setDeleting(true)}
          sitePreview={
            !readOnly && (
              <PreviewButton
                template={type?.preview_url}
                values={{ page_type: e?.page_type ?? '', slug, locale }}
                onError={setError}
              />
            )
          }
        />
      </form>
      {!isNew && e && (
        <p className="hint">
          Last change {when(e.updated)}
          {e.published ? `; live since ${when(e.published)}` : ''}.
        </p>
      )}
      {preview !== null && <PagePreview preview={preview} locale={locale} onClose={() => setPreview(null)} />}
      {deleting && (
        <Confirm
          title="Delete this page?"
          confirmLabel="Delete page"
          danger
          onCancel={() => setDeleting(false)}
          onConfirm={() => void remove()}
        >
          <p>
            <strong>{e?.name || slug}</strong> goes to the Trash with every locale and version: it can be restored from
            there until it is purged.
          </p>
        </Confirm>
      )}
    </section>
  );
}
