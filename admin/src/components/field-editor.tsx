import { useState } from 'react';
import { OPTIONS_BY_TYPE, SNAKE_KEY, STRUCTURED_TYPES, type FieldContainer } from '../../../src/shared/field-options';
import { FIELD_TYPES, type ExportedSchema, type FieldDef, type FieldType } from '../../../src/shared/field-types';
import { humanize } from '../schema';

/** The field types a container offers: the ButterCMS nestings, so schemas made here stay portable (the server also takes older Ghee ones; docs/schema.md). */
function typesFor(container: FieldContainer): readonly FieldType[] {
  return container === 'repeater' || container === 'collection' ? FIELD_TYPES.filter((t) => !STRUCTURED_TYPES.has(t)) : FIELD_TYPES;
}

/** A field of the new type, keeping the options that still apply. */
function retype(def: FieldDef, type: FieldType): FieldDef {
  const keep = new Set(OPTIONS_BY_TYPE[type]);
  const next: FieldDef = { type };
  for (const [k, v] of Object.entries(def)) if (k !== 'type' && keep.has(k)) (next as unknown as Record<string, unknown>)[k] = v;
  if (type === 'dropdown' && !next.options) next.options = ['option_1'];
  if (type === 'repeater' && !next.fields) next.fields = {};
  return next;
}

function setOpt(def: FieldDef, key: keyof FieldDef, value: unknown): FieldDef {
  const next = { ...def } as unknown as Record<string, unknown>;
  if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0 && key !== 'fields')) delete next[key];
  else next[key] = value;
  return next as unknown as FieldDef;
}

const num = (s: string) => (s.trim() === '' ? undefined : Number(s));

/** The field list of a content type, component or repeater: add, remove, reorder, edit options. */
export function FieldList({ fields, onChange, schema, path, container }: {
  fields: Record<string, FieldDef>; onChange: (f: Record<string, FieldDef>) => void; schema: ExportedSchema; path: string; container: FieldContainer;
}) {
  const [newKey, setNewKey] = useState('');
  const [newType, setNewType] = useState<FieldType>('short_text');
  const [problem, setProblem] = useState('');
  const entries = Object.entries(fields);
  const replace = (list: [string, FieldDef][]) => onChange(Object.fromEntries(list));
  const add = () => {
    const key = newKey.trim();
    if (!SNAKE_KEY.test(key)) return setProblem('Use lowercase letters, digits and underscores, starting with a letter (e.g. hero_image).');
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
          <input id={`${id}-new-key`} value={newKey} onChange={(e) => setNewKey(e.target.value)} placeholder="e.g. subtitle" aria-describedby={problem ? `${id}-new-error` : undefined} aria-invalid={!!problem}
            onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); add(); } }} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-new-type`}>Type</label>
          <select id={`${id}-new-type`} value={newType} onChange={(e) => setNewType(e.target.value as FieldType)}>
            {typesFor(container).map((t) => <option key={t} value={t}>{humanize(t)}</option>)}
          </select>
        </div>
        <button type="button" onClick={add}>Add field</button>
      </div>
      {problem && <p className="field-error" id={`${id}-new-error`} role="alert">{problem}</p>}
    </div>
  );
}

/** One field's type and options. */
function FieldEditor({ name, def, onChange, onRemove, onMove, first, last, schema, path, container }: {
  name: string; def: FieldDef; onChange: (d: FieldDef) => void; onRemove: () => void; onMove: (dir: -1 | 1) => void;
  first: boolean; last: boolean; schema: ExportedSchema; path: string; container: FieldContainer;
}) {
  const id = `fe-${path.replace(/[^a-z0-9_-]/gi, '-')}`;
  const opts = new Set(OPTIONS_BY_TYPE[def.type]);
  const targets = [
    ...Object.keys(schema.page_types).map((k) => `page_type:${k}`),
    ...Object.keys(schema.collections).map((k) => `collection:${k}`),
  ];
  const components = Object.keys(schema.components);
  return (
    <div className="field-editor" data-field-key={name}>
      <div className="field-editor-head">
        <strong><code>{name}</code></strong>
        <div className="field">
          <label htmlFor={`${id}-type`}>Type of {name}</label>
          <select id={`${id}-type`} value={def.type} onChange={(e) => onChange(retype(def, e.target.value as FieldType))}>
            {FIELD_TYPES.filter((t) => typesFor(container).includes(t) || t === def.type).map((t) => <option key={t} value={t}>{humanize(t)}</option>)}
          </select>
        </div>
        <div className="row-actions">
          <button type="button" className="small" aria-label={`Move ${name} up`} disabled={first} onClick={() => onMove(-1)}>↑</button>
          <button type="button" className="small" aria-label={`Move ${name} down`} disabled={last} onClick={() => onMove(1)}>↓</button>
          <button type="button" className="small danger" aria-label={`Remove field ${name}`} onClick={onRemove}>Remove</button>
        </div>
      </div>
      <div className="field-options">
        <label className="check"><input type="checkbox" checked={def.required === true} onChange={(e) => onChange(setOpt(def, 'required', e.target.checked || undefined))} /> Required</label>
        <label className="check"><input type="checkbox" checked={def.localized !== false} onChange={(e) => onChange(setOpt(def, 'localized', e.target.checked ? undefined : false))} /> Per locale</label>
        {opts.has('many') && <label className="check"><input type="checkbox" checked={def.many === true} onChange={(e) => onChange(setOpt(def, 'many', e.target.checked || undefined))} /> Many</label>}
        <div className="field">
          <label htmlFor={`${id}-help`}>Help text</label>
          <input id={`${id}-help`} value={def.help_text ?? ''} onChange={(e) => onChange(setOpt(def, 'help_text', e.target.value))} />
        </div>
        {opts.has('min_length') && (
          <>
            <div className="field narrow"><label htmlFor={`${id}-minl`}>Min length</label><input id={`${id}-minl`} type="number" min={0} value={def.min_length ?? ''} onChange={(e) => onChange(setOpt(def, 'min_length', num(e.target.value)))} /></div>
            <div className="field narrow"><label htmlFor={`${id}-maxl`}>Max length</label><input id={`${id}-maxl`} type="number" min={0} value={def.max_length ?? ''} onChange={(e) => onChange(setOpt(def, 'max_length', num(e.target.value)))} /></div>
            <div className="field"><label htmlFor={`${id}-pattern`}>Pattern (RE2 regular expression: no lookaround or backreferences)</label><input id={`${id}-pattern`} className="mono" value={def.pattern ?? ''} onChange={(e) => onChange(setOpt(def, 'pattern', e.target.value))} placeholder="^[a-z0-9-]+$" /></div>
          </>
        )}
        {opts.has('min') && (
          <>
            <div className="field narrow"><label htmlFor={`${id}-min`}>Minimum</label><input id={`${id}-min`} type="number" step="any" value={def.min ?? ''} onChange={(e) => onChange(setOpt(def, 'min', num(e.target.value)))} /></div>
            <div className="field narrow"><label htmlFor={`${id}-max`}>Maximum</label><input id={`${id}-max`} type="number" step="any" value={def.max ?? ''} onChange={(e) => onChange(setOpt(def, 'max', num(e.target.value)))} /></div>
          </>
        )}
        {opts.has('options') && (
          <div className="field grow">
            <label htmlFor={`${id}-options`}>Choices, one per line</label>
            <textarea id={`${id}-options`} rows={3} value={(def.options ?? []).join('\n')} onChange={(e) => onChange({ ...def, options: e.target.value.split('\n').map((s) => s.trim()).filter((s, i, a) => s !== '' || i === a.length - 1) })} />
          </div>
        )}
        {opts.has('to') && (
          <div className="field">
            <label htmlFor={`${id}-to`}>Refers to</label>
            <select id={`${id}-to`} value={def.to ?? ''} onChange={(e) => onChange(setOpt(def, 'to', e.target.value))}>
              <option value="">Choose…</option>
              {targets.map((t) => <option key={t} value={t}>{t.replace(':', ': ')}</option>)}
            </select>
          </div>
        )}
        {opts.has('component') && (
          <div className="field">
            <label htmlFor={`${id}-component`}>Component</label>
            <select id={`${id}-component`} value={def.component ?? ''} onChange={(e) => onChange(setOpt(def, 'component', e.target.value))}>
              <option value="">Choose…</option>
              {components.map((c) => <option key={c} value={c}>{schema.components[c]?.name ?? c}</option>)}
            </select>
          </div>
        )}
        {opts.has('components') && (
          <fieldset className="group">
            <legend>Components offered</legend>
            {components.length === 0 && <p className="hint">Define a component first.</p>}
            {components.map((c) => (
              <label className="check" key={c}>
                <input type="checkbox" checked={(def.components ?? []).includes(c)} onChange={(e) => onChange(setOpt(def, 'components', e.target.checked ? [...(def.components ?? []), c] : (def.components ?? []).filter((x) => x !== c)))} />
                {schema.components[c]?.name ?? c}
              </label>
            ))}
          </fieldset>
        )}
      </div>
      {opts.has('fields') && (
        <fieldset className="group">
          <legend>Fields of each {name} row</legend>
          <FieldList fields={def.fields ?? {}} onChange={(f) => onChange({ ...def, fields: f })} schema={schema} path={`${path}.fields`} container="repeater" />
        </fieldset>
      )}
    </div>
  );
}
