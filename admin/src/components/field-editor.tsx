import { useState } from 'react';
import { OPTIONS_BY_TYPE, SNAKE_KEY, type FieldContainer } from '../../../src/shared/field-options';
import { FIELD_TYPES, type ExportedSchema, type FieldDef, type FieldType } from '../../../src/shared/field-types';
import { humanize } from '../schema';
import { retype, typesFor } from './field-def-edits';
import { FieldOptions } from './field-options';

/** The field list of a content type, component or repeater: add, remove, reorder, edit options. */
export function FieldList({
  fields,
  onChange,
  schema,
  path,
  container,
}: {
  fields: Record<string, FieldDef>;
  onChange: (f: Record<string, FieldDef>) => void;
  schema: ExportedSchema;
  path: string;
  container: FieldContainer;
}) {
  const [newKey, setNewKey] = useState('');
  const [newType, setNewType] = useState<FieldType>('short_text');
  const [problem, setProblem] = useState('');
  const entries = Object.entries(fields);
  const replace = (list: [string, FieldDef][]) => onChange(Object.fromEntries(list));
  const add = () => {
    const key = newKey.trim();
    if (!SNAKE_KEY.test(key))
      return setProblem('Use lowercase letters, digits and underscores, starting with a letter (e.g. hero_image).');
    if (fields[key]) return setProblem(`There is already a field "${key}".`);
    setProblem('');
    replace([...entries, [key, retype({ type: newType }, newType)]]);
    setNewKey('');
  };
  const id = path.replace(/[^a-z0-9_-]/gi, '-');
  return (
    <div className="field-list">
      {entries.length === 0 && <p className="hint">No fields yet.</p>}
      {entries.map(([key, def], i) => (
        <FieldEditor
          key={key}
          name={key}
          def={def}
          schema={schema}
          path={`${path}.${key}`}
          container={container}
          onChange={(d) => replace(entries.map(([k, v]) => [k, k === key ? d : v]))}
          onRemove={() => replace(entries.filter(([k]) => k !== key))}
          onMove={(dir) => {
            const j = i + dir;
            if (j < 0 || j >= entries.length) return;
            const next = entries.slice();
            [next[i], next[j]] = [next[j]!, next[i]!];
            replace(next);
          }}
          first={i === 0}
          last={i === entries.length - 1}
        />
      ))}
      <div className="inline-form add-field">
        <div className="field">
          <label htmlFor={`${id}-new-key`}>New field key</label>
          <input
            id={`${id}-new-key`}
            value={newKey}
            onChange={(e) => setNewKey(e.target.value)}
            placeholder="e.g. subtitle"
            aria-describedby={problem ? `${id}-new-error` : undefined}
            aria-invalid={!!problem}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                add();
              }
            }}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-new-type`}>Type</label>
          <select id={`${id}-new-type`} value={newType} onChange={(e) => setNewType(e.target.value as FieldType)}>
            {typesFor(container).map((t) => (
              <option key={t} value={t}>
                {humanize(t)}
              </option>
            ))}
          </select>
        </div>
        <button type="button" onClick={add}>
          Add field
        </button>
      </div>
      {problem && (
        <p className="field-error" id={`${id}-new-error`} role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}

/** One field's type and options. */
function FieldEditor({
  name,
  def,
  onChange,
  onRemove,
  onMove,
  first,
  last,
  schema,
  path,
  container,
}: {
  name: string;
  def: FieldDef;
  onChange: (d: FieldDef) => void;
  onRemove: () => void;
  onMove: (dir: -1 | 1) => void;
  first: boolean;
  last: boolean;
  schema: ExportedSchema;
  path: string;
  container: FieldContainer;
}) {
  const id = `fe-${path.replace(/[^a-z0-9_-]/gi, '-')}`;
  const opts = new Set(OPTIONS_BY_TYPE[def.type]);
  return (
    <div className="field-editor" data-field-key={name}>
      <div className="field-editor-head">
        <strong>
          <code>{name}</code>
        </strong>
        <div className="field">
          <label htmlFor={`${id}-type`}>Type of {name}</label>
          <select
            id={`${id}-type`}
            value={def.type}
            onChange={(e) => onChange(retype(def, e.target.value as FieldType))}
          >
            {FIELD_TYPES.filter((t) => typesFor(container).includes(t) || t === def.type).map((t) => (
              <option key={t} value={t}>
                {humanize(t)}
              </option>
            ))}
          </select>
        </div>
        <div className="row-actions">
          <button
            type="button"
            className="small"
            aria-label={`Move ${name} up`}
            disabled={first}
            onClick={() => onMove(-1)}
          >
            ↑
          </button>
          <button
            type="button"
            className="small"
            aria-label={`Move ${name} down`}
            disabled={last}
            onClick={() => onMove(1)}
          >
            ↓
          </button>
          <button type="button" className="small danger" aria-label={`Remove field ${name}`} onClick={onRemove}>
            Remove
          </button>
        </div>
      </div>
      <FieldOptions def={def} onChange={onChange} schema={schema} id={id} />
      {opts.has('fields') && (
        <fieldset className="group">
          <legend>Fields of each {name} row</legend>
          <FieldList
            fields={def.fields ?? {}}
            onChange={(f) => onChange({ ...def, fields: f })}
            schema={schema}
            path={`${path}.fields`}
            container="repeater"
          />
        </fieldset>
      )}
    </div>
  );
}
