import { useEffect, useState } from 'react';
import type { ExportedSchema } from '../../../src/shared/field-types';
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
import { Confirm, ErrorNotice, Loading, Notice, ReadOnlyNote, useLoad } from '../ui';
import { RestoredNotice } from './history/restored-notice';
import { PageStatusBadge } from './page-status-badge';
import { SchedulePanel, type ScheduleDialogKind } from './schedule/schedule-panel';
import { cancelledMessage, pastTimeRefusal, savedMessage, unpublishMessage, useTimingOverlay } from './schedule/timing';

/** Edits one collection item in one locale (draft, publish, schedule, preview), or creates one. */
export function ItemEdit({ collection, id }: { collection: string; id: number | null }) {
  const { account } = useAccount();
  const { query } = useRoute();
  const locale = query.get('locale') || account.locales.find((l) => l.default)?.slug || '';
  const readOnly = !roleAtLeast(account.role, 'editor');
  const schema = useLoad<ExportedSchema>(() => loadSchema(account.id), [account.id]);
  const base = `/items/${encodeURIComponent(collection)}`;
  const entry = useLoad<Entry | null>(
    () =>
      id === null
        ? Promise.resolve(null)
        : api<{ data: Entry }>('GET', accountPath(account.id, `${base}/${id}${qs({ locale })}`)).then((r) => r.data),
    [account.id, collection, id, locale],
  );
  const [values, setValues] = useState<Record<string, unknown>>({});
  const { busy, error, notice, run, setError, setNotice } = useSubmit();
  const [deleting, setDeleting] = useState(false);
  const [dialog, setDialog] = useState<ScheduleDialogKind>(null);
  const [shownEntry, overlayTiming] = useTimingOverlay(entry.data);
  const def = schema.data?.collections[collection];
  useEffect(() => {
    if (entry.data) setValues(entry.data.fields);
    else if (id === null && def && schema.data) setValues(emptyFields(def.fields, schema.data));
  }, [entry.data, def, id, schema.data]);

  if (schema.loading || entry.loading) return <Loading what="the item" />;
  if (schema.error || entry.error) return <ErrorNotice error={schema.error ?? entry.error} />;
  if (!def)
    return (
      <ErrorNotice
        error={new Error(`There is no collection "${collection}". Check the key under Content Types › Collections.`)}
      />
    );

  const save = (status: EntryStatus, scheduled?: string) =>
    run(async () => {
      const refused = scheduled === undefined ? null : pastTimeRefusal('scheduled', scheduled);
      if (refused) throw refused;
      if (id === null) {
        const { data } = await api<{ data: Entry }>('POST', accountPath(account.id, `${base}${qs({ locale })}`), {
          status,
          scheduled,
          fields: values,
        });
        navigate(`/collections/${encodeURIComponent(collection)}/${data.id}${qs({ locale })}`, true);
        return;
      }
      const { data } = await api<{ data: Entry }>('PUT', accountPath(account.id, `${base}/${id}${qs({ locale })}`), {
        status,
        scheduled,
        fields: values,
      });
      entry.setData(data);
      return savedMessage('item', data.status, data.scheduled, !!data.published);
    });
  // Only the time: the form keeps what is not saved yet (useTimingOverlay).
  const setUnpublishAt = (at: string | null) =>
    run(async () => {
      const refused = at === null ? null : pastTimeRefusal('unpublish_at', at);
      if (refused) throw refused;
      const { data } = await api<{ data: Entry }>('PUT', accountPath(account.id, `${base}/${id}${qs({ locale })}`), {
        unpublish_at: at,
      });
      const { status, published, scheduled, unpublish_at, updated, unpublished_changes } = data;
      overlayTiming({ status, published, scheduled, unpublish_at, updated, unpublished_changes });
      return unpublishMessage('item', at);
    });
  const unpublish = () =>
    run(async () => {
      const { data } = await api<{ data: Entry }>(
        'POST',
        accountPath(account.id, `${base}/${id}/unpublish${qs({ locale })}`),
      );
      entry.setData(data);
      return 'Unpublished.';
    });
  const remove = () => {
    setDeleting(false);
    return run(async () => {
      await api('DELETE', accountPath(account.id, `${base}/${id}`));
      navigate(`/collections/${encodeURIComponent(collection)}`, true);
    });
  };
  const errors = fieldErrorsOf(error, locale);
  const e = shownEntry;
  return (
    <section>
      <p className="crumbs">
        <Link to={`/collections/${encodeURIComponent(collection)}`}>{def.name ?? collection}</Link> ›{' '}
        {id === null ? 'New item' : `Item #${id}`}
      </p>
      <div className="heading-row">
        <h1>{id === null ? `New ${def.name ?? collection} item` : `${def.name ?? collection} #${id}`}</h1>
        {e && <PageStatusBadge entry={e} locale={locale} testId="item-status" />}
        {id !== null && (
          <Link className="button" to={`/collections/${encodeURIComponent(collection)}/${id}/history${qs({ locale })}`}>
            History
          </Link>
        )}
      </div>
      {readOnly && <ReadOnlyNote role={account.role} />}
      {id !== null && (
        <LocaleTabs
          locales={account.locales}
          current={locale}
          to={(l) => `/collections/${encodeURIComponent(collection)}/${id}?locale=${l}`}
          has={e?.locales ?? []}
        />
      )}
      {!readOnly && (
        <CopyFromLocale
          key={locale}
          entry={e}
          locales={account.locales}
          what="item"
          load={(l) =>
            api<{ data: Entry }>('GET', accountPath(account.id, `${base}/${id}${qs({ locale: l })}`)).then(
              (r) => r.data,
            )
          }
          onCopy={(source) => setValues(source.fields)}
        />
      )}
      {notice && !error && <Notice kind="ok">{notice}</Notice>}
      <RestoredNotice hidden={!!notice || !!error} />
      {error instanceof ApiError && Object.keys(error.fields).length ? (
        <ErrorSummary errors={errors} />
      ) : (
        <ErrorNotice error={error} />
      )}
      <SchedulePanel
        what="item"
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
          void save('draft').then((ok) => ok && setNotice(cancelledMessage('item', !!e?.published)))
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
        <EntryFields
          fields={def.fields}
          values={values}
          onChange={setValues}
          errors={errors}
          schema={schema.data!}
          locale={locale}
          readOnly={readOnly}
        />
        {!readOnly && (
          <div className="actions sticky">
            <button type="submit" disabled={busy}>
              Save draft
            </button>
            <button type="button" className="primary" disabled={busy} onClick={() => void save('published')}>
              Publish
            </button>
            <button type="button" disabled={busy} onClick={() => setDialog('publish')}>
              Schedule…
            </button>
            {e?.published && (
              <button type="button" onClick={() => void unpublish()}>
                Unpublish
              </button>
            )}
            {id !== null && (
              <PreviewButton template={def.preview_url} values={{ key: collection, id, locale }} onError={setError} />
            )}
            {id !== null && (
              <button type="button" className="danger" onClick={() => setDeleting(true)}>
                Delete
              </button>
            )}
          </div>
        )}
      </form>
      {deleting && (
        <Confirm
          title="Delete this item?"
          confirmLabel="Delete item"
          danger
          onCancel={() => setDeleting(false)}
          onConfirm={() => void remove()}
        >
          <p>
            Item #{id} goes to the Trash with every locale and version: it can be restored from there until it is
            purged.
          </p>
        </Confirm>
      )}
    </section>
  );
}
