import { useEffect, useState, type ChangeEvent } from 'react';
import type { ExportedSchema, SectionName } from '../../../src/shared/field-types';
import { roleAtLeast } from '../../../src/shared/roles';
import type { SchemaChangeLine } from '../../../src/shared/schema-changes';
import { api, accountPath, ApiError } from '../api';
import { useAccount } from '../context';
import { useSubmit } from '../hooks/use-submit';
import { forgetSchema, loadSchema } from '../schema';
import { Confirm, ErrorNotice, Loading, Notice, ReadOnlyNote, useLoad } from '../ui';
import type { SelectedType } from './content-type-sections';
import { SchemaReview } from './schema-review';
import { PreviewUrlInput } from '../components/preview-url-input';
import { TypeEditor } from './type-editor';
import { TypeList } from './type-list';

const clone = <T,>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** Content Types: page types, single pages, collections and components; a diff before saving; import and export. */
export function ContentTypes() {
  const { account, refresh } = useAccount();
  const editable = roleAtLeast(account.role, 'admin');
  const loaded = useLoad<ExportedSchema>(() => loadSchema(account.id), [account.id]);
  const [draft, setDraft] = useState<ExportedSchema | null>(null);
  const [selected, setSelected] = useState<SelectedType | null>(null);
  const [changes, setChanges] = useState<SchemaChangeLine[] | null>(null);
  const { error, notice, run, setNotice } = useSubmit();
  const [confirmLoss, setConfirmLoss] = useState(false);

  useEffect(() => {
    if (loaded.data) setDraft(clone(loaded.data));
  }, [loaded.data]);
  if (loaded.loading && !draft) return <Loading what="content types" />;
  if (loaded.error) return <ErrorNotice error={loaded.error} />;
  if (!draft) return null;

  const edit = (fn: (d: ExportedSchema) => void) => {
    const next = clone(draft);
    fn(next);
    setDraft(next);
    setChanges(null);
    setNotice('');
  };
  const addType = (section: SectionName, key: string, name: string) => {
    edit((d) => {
      d[section][key] = { name, fields: {} };
    });
    setSelected({ section, key });
  };
  const review = () =>
    run(async () => {
      setChanges(null);
      const { data } = await api<{ data: SchemaChangeLine[] }>('POST', accountPath(account.id, '/schema/diff'), draft);
      setChanges(data);
    });
  const save = (confirm: boolean) =>
    run(async () => {
      setConfirmLoss(false);
      try {
        const res = await api<{ data: ExportedSchema; changes: SchemaChangeLine[] }>(
          'PUT',
          accountPath(account.id, `/schema${confirm ? '?confirm=true' : ''}`),
          draft,
        );
        forgetSchema(account.id);
        loaded.setData(res.data);
        setChanges(null);
        refresh();
        return `Saved ${res.changes.length} change${res.changes.length === 1 ? '' : 's'}.`;
      } catch (e) {
        // Content would be lost: the dialog asks before saving again with confirm.
        if (e instanceof ApiError && e.status === 409) return setConfirmLoss(true);
        throw e;
      }
    });
  const exportDoc = () => {
    const blob = new Blob([JSON.stringify(draft, null, 2) + '\n'], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `${account.slug}-schema.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  };
  const importDoc = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    await run(async () => {
      try {
        const doc = JSON.parse(await file.text()) as Partial<ExportedSchema>;
        if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new Error('not an object');
        const next: ExportedSchema = {
          ...doc,
          components: doc.components ?? {},
          page_types: doc.page_types ?? {},
          single_pages: doc.single_pages ?? {},
          collections: doc.collections ?? {},
        };
        setDraft(next);
        setSelected(null);
        const { data } = await api<{ data: SchemaChangeLine[] }>('POST', accountPath(account.id, '/schema/diff'), next);
        setChanges(data);
      } catch (err) {
        throw err instanceof ApiError
          ? err
          : new Error(`${file.name} is not a schema document (JSON as ghee schema export writes it).`);
      }
    });
  };

  const dirty = JSON.stringify(draft) !== JSON.stringify(loaded.data);
  const losing = (changes ?? []).filter((c) => c.data_loss);
  return (
    <section>
      <div className="heading-row">
        <h1>Content Types</h1>
        <div className="actions">
          <button type="button" onClick={exportDoc}>
            Export schema
          </button>
          {editable && (
            <label className="button file-button">
              Import schema
              <input
                type="file"
                accept="application/json,.json"
                onChange={(e) => void importDoc(e)}
                className="visually-hidden"
              />
            </label>
          )}
        </div>
      </div>
      {!editable && <ReadOnlyNote role={account.role} />}
      {notice && <Notice kind="ok">{notice}</Notice>}
      <ErrorNotice error={error} />
      <div className="split">
        <TypeList draft={draft} selected={selected} onSelect={setSelected} editable={editable} onAdd={addType} />
        <TypeEditor draft={draft} selected={selected} onSelect={setSelected} editable={editable} edit={edit} />
      </div>
      <fieldset className="plain" disabled={!editable}>
        <legend>Blog</legend>
        <PreviewUrlInput
          id="blog-preview-url"
          label="Blog preview URL"
          value={draft.blog?.preview_url}
          onChange={(url) =>
            edit((d) => {
              if (url === undefined) delete d.blog;
              else d.blog = { preview_url: url };
            })
          }
        />
      </fieldset>
      {editable && (
        <SchemaReview
          dirty={dirty}
          changes={changes}
          onReview={() => void review()}
          onDiscard={() => {
            setDraft(clone(loaded.data!));
            setChanges(null);
            setSelected(null);
          }}
          onSave={() => (losing.length ? setConfirmLoss(true) : void save(false))}
        />
      )}
      {confirmLoss && (
        <Confirm
          title="Save and change content?"
          confirmLabel="Save and change content"
          danger
          onCancel={() => setConfirmLoss(false)}
          onConfirm={() => void save(true)}
        >
          <p>
            These changes delete stored content, or change values the new field types would not keep as they are (rich
            text is sanitised), in every locale. This cannot be undone:
          </p>
          <ul>
            {losing.map((c) => (
              <li key={c.line}>
                <code>{c.line}</code>
              </li>
            ))}
          </ul>
        </Confirm>
      )}
    </section>
  );
}
