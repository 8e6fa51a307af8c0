import { useState } from 'react';
import { RESERVED_PAGE_TYPE_KEYS } from '../../../src/shared/field-options';
import type { ExportedSchema, SectionName } from '../../../src/shared/field-types';
import { SECTIONS } from './content-type-sections';

/** Adds an empty content type of a kind; a key the kind does not take, or one already there, is refused beside the field. */
export function AddTypeForm({
  draft,
  onAdd,
}: {
  draft: ExportedSchema;
  onAdd: (section: SectionName, key: string, name: string) => void;
}) {
  const [adding, setAdding] = useState<{ section: SectionName; key: string; name: string; problem: string }>({
    section: 'page_types',
    key: '',
    name: '',
    problem: '',
  });
  const addType = () => {
    const rule = SECTIONS.find((s) => s.key === adding.section)!;
    const key = adding.key.trim();
    if (!rule.keyRule.test(key) || RESERVED_PAGE_TYPE_KEYS.includes(key))
      return setAdding({ ...adding, problem: `That key is not allowed here: use ${rule.keyHint}.` });
    if (draft[adding.section][key]) return setAdding({ ...adding, problem: `There is already a type "${key}" here.` });
    onAdd(adding.section, key, adding.name.trim() || key);
    setAdding({ ...adding, key: '', name: '', problem: '' });
  };
  return (
    <form
      className="card add-type"
      onSubmit={(e) => {
        e.preventDefault();
        addType();
      }}
    >
      <h2>Add a content type</h2>
      <div className="field">
        <label htmlFor="new-type-section">Kind</label>
        <select
          id="new-type-section"
          value={adding.section}
          onChange={(e) => setAdding({ ...adding, section: e.target.value as SectionName, problem: '' })}
        >
          {SECTIONS.map((s) => (
            <option key={s.key} value={s.key}>
              {s.label.replace(/s$/, '')}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="new-type-name">Name</label>
        <input
          id="new-type-name"
          value={adding.name}
          onChange={(e) => setAdding({ ...adding, name: e.target.value })}
          placeholder="e.g. Article"
        />
      </div>
      <div className="field">
        <label htmlFor="new-type-key">Key</label>
        <input
          id="new-type-key"
          value={adding.key}
          onChange={(e) => setAdding({ ...adding, key: e.target.value, problem: '' })}
          aria-describedby="new-type-key-help"
          aria-invalid={!!adding.problem}
        />
        <p className="hint" id="new-type-key-help">
          {SECTIONS.find((s) => s.key === adding.section)!.keyHint}
        </p>
        {adding.problem && (
          <p className="field-error" role="alert">
            {adding.problem}
          </p>
        )}
      </div>
      <button type="submit">Add</button>
    </form>
  );
}
