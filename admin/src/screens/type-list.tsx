import type { ExportedSchema, SectionName } from '../../../src/shared/field-types';
import { AddTypeForm } from './add-type-form';
import { SECTIONS, type SelectedType } from './content-type-sections';

/** The content types of the schema being edited, by kind, to choose one from; and, for admins, the form that adds one. */
export function TypeList({
  draft,
  selected,
  onSelect,
  editable,
  onAdd,
}: {
  draft: ExportedSchema;
  selected: SelectedType | null;
  onSelect: (s: SelectedType) => void;
  editable: boolean;
  onAdd: (section: SectionName, key: string, name: string) => void;
}) {
  return (
    <aside className="type-list" aria-label="Content types">
      {SECTIONS.map((s) => (
        <div key={s.key}>
          <h2>{s.label}</h2>
          {Object.keys(draft[s.key]).length === 0 ? (
            <p className="hint">None yet.</p>
          ) : (
            <ul>
              {Object.entries(draft[s.key]).map(([k, t]) => (
                <li key={k}>
                  <button
                    type="button"
                    className={`link${selected?.section === s.key && selected.key === k ? ' current' : ''}`}
                    aria-current={selected?.section === s.key && selected.key === k ? 'true' : undefined}
                    onClick={() => onSelect({ section: s.key, key: k })}
                  >
                    {t.name ?? k} <code>{k}</code>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
      {editable && <AddTypeForm draft={draft} onAdd={onAdd} />}
    </aside>
  );
}
