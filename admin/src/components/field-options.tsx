import { OPTIONS_BY_TYPE } from '../../../src/shared/field-options';
import type { ExportedSchema, FieldDef } from '../../../src/shared/field-types';
import { num, setOpt } from './field-def-edits';

/** The options of one field that its type takes: required, per locale, help text, limits, choices, targets. */
export function FieldOptions({
  def,
  onChange,
  schema,
  id,
}: {
  def: FieldDef;
  onChange: (d: FieldDef) => void;
  schema: ExportedSchema;
  id: string;
}) {
  const opts = new Set(OPTIONS_BY_TYPE[def.type]);
  const targets = [
    ...Object.keys(schema.page_types).map((k) => `page_type:${k}`),
    ...Object.keys(schema.collections).map((k) => `collection:${k}`),
  ];
  const components = Object.keys(schema.components);
  return (
    <div className="field-options">
      <label className="check">
        <input
          type="checkbox"
          checked={def.required === true}
          onChange={(e) => onChange(setOpt(def, 'required', e.target.checked || undefined))}
        />{' '}
        Required
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={def.localized !== false}
          onChange={(e) => onChange(setOpt(def, 'localized', e.target.checked ? undefined : false))}
        />{' '}
        Per locale
      </label>
      {opts.has('many') && (
        <label className="check">
          <input
            type="checkbox"
            checked={def.many === true}
            onChange={(e) => onChange(setOpt(def, 'many', e.target.checked || undefined))}
          />{' '}
          Many
        </label>
      )}
      <div className="field">
        <label htmlFor={`${id}-help`}>Help text</label>
        <input
          id={`${id}-help`}
          value={def.help_text ?? ''}
          onChange={(e) => onChange(setOpt(def, 'help_text', e.target.value))}
        />
      </div>
      {opts.has('min_length') && (
        <>
          <div className="field narrow">
            <label htmlFor={`${id}-minl`}>Min length</label>
            <input
              id={`${id}-minl`}
              type="number"
              min={0}
              value={def.min_length ?? ''}
              onChange={(e) => onChange(setOpt(def, 'min_length', num(e.target.value)))}
            />
          </div>
          <div className="field narrow">
            <label htmlFor={`${id}-maxl`}>Max length</label>
            <input
              id={`${id}-maxl`}
              type="number"
              min={0}
              value={def.max_length ?? ''}
              onChange={(e) => onChange(setOpt(def, 'max_length', num(e.target.value)))}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-pattern`}>Pattern (RE2 regular expression: no lookaround or backreferences)</label>
            <input
              id={`${id}-pattern`}
              className="mono"
              value={def.pattern ?? ''}
              onChange={(e) => onChange(setOpt(def, 'pattern', e.target.value))}
              placeholder="^[a-z0-9-]+$"
            />
          </div>
        </>
      )}
      {opts.has('min') && (
        <>
          <div className="field narrow">
            <label htmlFor={`${id}-min`}>Minimum</label>
            <input
              id={`${id}-min`}
              type="number"
              step="any"
              value={def.min ?? ''}
              onChange={(e) => onChange(setOpt(def, 'min', num(e.target.value)))}
            />
          </div>
          <div className="field narrow">
            <label htmlFor={`${id}-max`}>Maximum</label>
            <input
              id={`${id}-max`}
              type="number"
              step="any"
              value={def.max ?? ''}
              onChange={(e) => onChange(setOpt(def, 'max', num(e.target.value)))}
            />
          </div>
        </>
      )}
      {opts.has('options') && (
        <div className="field grow">
          <label htmlFor={`${id}-options`}>Choices, one per line</label>
          <textarea
            id={`${id}-options`}
            rows={3}
            value={(def.options ?? []).join('\n')}
            onChange={(e) =>
              onChange({
                ...def,
                options: e.target.value
                  .split('\n')
                  .map((s) => s.trim())
                  .filter((s, i, a) => s !== '' || i === a.length - 1),
              })
            }
          />
        </div>
      )}
      {opts.has('to') && (
        <div className="field">
          <label htmlFor={`${id}-to`}>Refers to</label>
          <select id={`${id}-to`} value={def.to ?? ''} onChange={(e) => onChange(setOpt(def, 'to', e.target.value))}>
            <option value="">Choose…</option>
            {targets.map((t) => (
              <option key={t} value={t}>
                {t.replace(':', ': ')}
              </option>
            ))}
          </select>
        </div>
      )}
      {opts.has('component') && (
        <div className="field">
          <label htmlFor={`${id}-component`}>Component</label>
          <select
            id={`${id}-component`}
            value={def.component ?? ''}
            onChange={(e) => onChange(setOpt(def, 'component', e.target.value))}
          >
            <option value="">Choose…</option>
            {components.map((c) => (
              <option key={c} value={c}>
                {schema.components[c]?.name ?? c}
              </option>
            ))}
          </select>
        </div>
      )}
      {opts.has('components') && (
        <fieldset className="group">
          <legend>Components offered</legend>
          {components.length === 0 && <p className="hint">Define a component first.</p>}
          {components.map((c) => (
            <label className="check" key={c}>
              <input
                type="checkbox"
                checked={(def.components ?? []).includes(c)}
                onChange={(e) =>
                  onChange(
                    setOpt(
                      def,
                      'components',
                      e.target.checked ? [...(def.components ?? []), c] : (def.components ?? []).filter((x) => x !== c),
                    ),
                  )
                }
              />
              {schema.components[c]?.name ?? c}
            </label>
          ))}
        </fieldset>
      )}
    </div>
  );
}
