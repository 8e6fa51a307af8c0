import { useEffect, useState, type ChangeEvent } from 'react';
import { PAGE_SLUG, PAGE_TYPE_KEY, RESERVED_PAGE_TYPE_KEYS, SNAKE_KEY } from '../../../src/shared/field-options';
import type { ExportedSchema, SectionName } from '../../../src/shared/field-types';
import { roleAtLeast } from '../../../src/shared/roles';
import type { SchemaChangeLine } from '../../../src/shared/schema-changes';
import { api, accountPath, ApiError } from '../api';
import { FieldList } from '../components/field-editor';
import { useAccount } from '../context';
import { useSubmit } from '../hooks/use-submit';
import { forgetSchema, loadSchema } from '../schema';
import { Confirm, ErrorNotice, Loading, Notice, ReadOnlyNote, useLoad } from '../ui';

const SECTIONS: { key: SectionName; label: string; keyRule: RegExp; keyHint: string }[] = [
  { key: 'page_types', label: 'Page types', keyRule: PAGE_TYPE_KEY, keyHint: 'lowercase, digits, _ and -, e.g. landing_page' },
  { key: 'single_pages', label: 'Single pages', keyRule: PAGE_SLUG, keyHint: 'the page slug, e.g. about-us' },
  { key: 'collections', label: 'Collections', keyRule: SNAKE_KEY, keyHint: 'lowercase, digits and _, e.g. team_members' },
  { key: 'components', label: 'Components', keyRule: SNAKE_KEY, keyHint: 'lowercase, digits and _, e.g. seo' },
];

const clone = <T,>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** Content Types: page types, single pages, collections and components; a diff before saving; import and export. */
export function ContentTypes() {
  const { account, refresh } = useAccount();
  const editable = roleAtLeast(account.role, 'admin');
  const loaded = useLoad<ExportedSchema>(() => loadSchema(account.id), [account.id]);
  const [draft, setDraft] = useState<ExportedSchema | null>(null);
  const [selected, setSelected] = useState<{ section: SectionName; key: string } | null>(null);
  const [changes, setChanges] = useState<SchemaChangeLine[] | null>(null);
  const { error, notice, run, setNotice } = useSubmit();
  const [confirmLoss, setConfirmLoss] = useState(false);
  const [adding, setAdding] = useState<{ section: SectionName; key: string; name: string; problem: string }>({ section: 'page_types', key: '', name: '', problem: '' });

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
  const addType = () => {
    const rule = SECTIONS.find((s) => s.key === adding.section)!;
    const key = adding.key.trim();
    if (!rule.keyRule.test(key) || RESERVED_PAGE_TYPE_KEYS.includes(key)) return setAdding({ ...adding, problem: `That key is not allowed here: use ${rule.keyHint}.` });
    if (draft[adding.section][key]) return setAdding({ ...adding, problem: `There is already a type "${key}" here.` });
    edit((d) => { d[adding.section][key] = { name: adding.name.trim() || key, fields: {} }; });
    setSelected({ section: adding.section, key });
    setAdding({ ...adding, key: '', name: '', problem: '' });
  };
  const review = () => run(async () => {
    setChanges(null);
    const { data } = await api<{ data: SchemaChangeLine[] }>('POST', accountPath(account.id, '/schema/diff'), draft);
    setChanges(data);
  });
  const save = (confirm: boolean) => run(async () => {
    setConfirmLoss(false);
    try {
      const res = await api<{ data: ExportedSchema; changes: SchemaChangeLine[] }>('PUT', accountPath(account.id, `/schema${confirm ? '?confirm=true' : ''}`), draft);
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
        const next: ExportedSchema = { ...doc, components: doc.components ?? {}, page_types: doc.page_types ?? {}, single_pages: doc.single_pages ?? {}, collections: doc.collections ?? {} };
        setDraft(next);
        setSelected(null);
        const { data } = await api<{ data: SchemaChangeLine[] }>('POST', accountPath(account.id, '/schema/diff'), next);
        setChanges(data);
      } catch (err) {
        throw err instanceof ApiError ? err : new Error(`${file.name} is not a schema document (JSON as ghee schema export writes it).`);
      }
    });
  };

  const type = selected ? draft[selected.section][selected.key] : undefined;
  const dirty = JSON.stringify(draft) !== JSON.stringify(loaded.data);
  const losing = (changes ?? []).filter((c) => c.data_loss);
  return (
    <section>
      <div className="heading-row">
        <h1>Content Types</h1>
        <div className="actions">
          <button type="button" onClick={exportDoc}>Export schema</button>
          {editable && (
            <label className="button file-button">
              Import schema
              <input type="file" accept="application/json,.json" onChange={(e) => void importDoc(e)} className="visually-hidden" />
            </label>
          )}
        </div>
      </div>
      {!editable && <ReadOnlyNote role={account.role} />}
      {notice && <Notice kind="ok">{notice}</Notice>}
      <ErrorNotice error={error} />
      <div className="split">
        <aside className="type-list" aria-label="Content types">
          {SECTIONS.map((s) => (
            <div key={s.key}>
              <h2>{s.label}</h2>
              {Object.keys(draft[s.key]).length === 0 ? <p className="hint">None yet.</p> : (
                <ul>
                  {Object.entries(draft[s.key]).map(([k, t]) => (
                    <li key={k}>
                      <button type="button" className={`link${selected?.section === s.key && selected.key === k ? ' current' : ''}`} aria-current={selected?.section === s.key && selected.key === k ? 'true' : undefined} onClick={() => setSelected({ section: s.key, key: k })}>
                        {t.name ?? k} <code>{k}</code>
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          ))}
          {editable && (
            <form className="card add-type" onSubmit={(e) => { e.preventDefault(); addType(); }}>
              <h2>Add a content type</h2>
              <div className="field">
                <label htmlFor="new-type-section">Kind</label>
                <select id="new-type-section" value={adding.section} onChange={(e) => setAdding({ ...adding, section: e.target.value as SectionName, problem: '' })}>
                  {SECTIONS.map((s) => <option key={s.key} value={s.key}>{s.label.replace(/s$/, '')}</option>)}
                </select>
              </div>
              <div className="field">
                <label htmlFor="new-type-name">Name</label>
                <input id="new-type-name" value={adding.name} onChange={(e) => setAdding({ ...adding, name: e.target.value })} placeholder="e.g. Article" />
              </div>
              <div className="field">
                <label htmlFor="new-type-key">Key</label>
                <input id="new-type-key" value={adding.key} onChange={(e) => setAdding({ ...adding, key: e.target.value, problem: '' })} aria-describedby="new-type-key-help" aria-invalid={!!adding.problem} />
                <p className="hint" id="new-type-key-help">{SECTIONS.find((s) => s.key === adding.section)!.keyHint}</p>
                {adding.problem && <p className="field-error" role="alert">{adding.problem}</p>}
              </div>
              <button type="submit">Add</button>
            </form>
          )}
        </aside>
        <div className="type-editor">
          {!selected || !type ? (
            <p className="empty">Choose a content type on the left to see and edit its fields.</p>
          ) : (
            <fieldset className="plain" disabled={!editable}>
              <legend className="visually-hidden">Edit {type.name ?? selected.key}</legend>
              <div className="heading-row">
                <h2>{type.name ?? selected.key} <code>{selected.key}</code></h2>
                <button type="button" className="danger" onClick={() => { edit((d) => { delete d[selected.section][selected.key]; }); setSelected(null); }}>Remove type</button>
              </div>
              <div className="field">
                <label htmlFor="type-name">Name</label>
                <input id="type-name" value={type.name ?? ''} onChange={(e) => edit((d) => { d[selected.section][selected.key]!.name = e.target.value; })} />
              </div>
              <FieldList
                fields={type.fields}
                schema={draft}
                path={`${selected.section}.${selected.key}.fields`}
                container={selected.section === 'components' ? 'component' : selected.section === 'collections' ? 'collection' : 'page'}
                onChange={(f) => edit((d) => { d[selected.section][selected.key]!.fields = f; })}
              />
            </fieldset>
          )}
        </div>
      </div>
      {editable && (
        <div className="card review">
          <h2>Changes</h2>
          {!dirty && !changes ? <p className="hint">No unsaved changes.</p> : (
            <div className="actions">
              <button type="button" onClick={() => void review()}>Review changes</button>
              <button type="button" onClick={() => { setDraft(clone(loaded.data!)); setChanges(null); setSelected(null); }}>Discard changes</button>
            </div>
          )}
          {changes && (
            <>
              {changes.length === 0 ? <p>Nothing would change.</p> : (
                <ul className="diff" aria-label="Changes to save" data-testid="schema-diff">
                  {changes.map((c) => (
                    <li key={c.line} className={`diff-${c.op === '+' ? 'add' : c.op === '-' ? 'remove' : 'change'}${c.data_loss ? ' loss' : ''}`}>
                      <code>{c.line}</code>{c.data_loss && <strong> deletes or changes content</strong>}
                    </li>
                  ))}
                </ul>
              )}
              {changes.length > 0 && <button type="button" className="primary" onClick={() => (losing.length ? setConfirmLoss(true) : void save(false))}>Save schema</button>}
            </>
          )}
        </div>
      )}
      {confirmLoss && (
        <Confirm title="Save and change content?" confirmLabel="Save and change content" danger onCancel={() => setConfirmLoss(false)} onConfirm={() => void save(true)}>
          <p>These changes delete stored content, or change values the new field types would not keep as they are (rich text is sanitised), in every locale. This cannot be undone:</p>
          <ul>{losing.map((c) => <li key={c.line}><code>{c.line}</code></li>)}</ul>
        </Confirm>
      )}
    </section>
  );
}
