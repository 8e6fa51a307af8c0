import type { ExportedSchema, FieldDef } from '../../../src/shared/field-types';
import type { FieldErrors } from '../api';
import { emptyFields, humanize } from '../schema';
import { FieldControl } from './field-control';

export interface FieldProps {
  name: string;
  def: FieldDef;
  value: unknown;
  onChange: (v: unknown) => void;
  /** The value's path in error messages (`seo.title`, `faq.2.question`, `body.0.fields.features.2.headline`). */
  path: string;
  errors: FieldErrors;
  schema: ExportedSchema;
  locale: string;
}

const idOf = (path: string) => `f-${path.replace(/[^a-zA-Z0-9_-]/g, '-')}`;

/** Errors of a path, and of its children when the value is shown as one control. */
function errorsAt(errors: FieldErrors, path: string): string[] {
  return errors[path] ?? [];
}

/** One field of a page or item, with its label, help text and its errors beside it. */
export function FieldInput(props: FieldProps) {
  const { name, def, path, errors } = props;
  const id = idOf(path);
  const mine = errorsAt(errors, path);
  const label = (
    <>
      {humanize(name)}
      {def.required && (
        <span className="req" aria-hidden="true">
          {' '}
          *
        </span>
      )}
      {def.localized === false && <span className="badge muted">all locales</span>}
    </>
  );
  const describedBy =
    [def.help_text ? `${id}-help` : '', mine.length ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const help = def.help_text ? (
    <p className="hint" id={`${id}-help`}>
      {def.help_text}
    </p>
  ) : null;
  const error = mine.length ? (
    <p className="field-error" id={`${id}-error`}>
      {mine.join(' ')}
    </p>
  ) : null;
  const grouped = def.type === 'component' || def.type === 'repeater' || def.type === 'component_picker';
  if (grouped) {
    return (
      <fieldset className={`group${mine.length ? ' invalid' : ''}`} aria-describedby={describedBy}>
        <legend>{label}</legend>
        {help}
        {error}
        <Group {...props} />
      </fieldset>
    );
  }
  if (def.type === 'checkbox') {
    return (
      <div className={`field check-field${mine.length ? ' invalid' : ''}`} data-field={path}>
        <label className="check" htmlFor={id}>
          <input
            id={id}
            type="checkbox"
            checked={props.value === true}
            onChange={(e) => props.onChange(e.target.checked)}
            aria-invalid={mine.length > 0}
            aria-describedby={describedBy}
          />
          {label}
        </label>
        {help}
        {error}
      </div>
    );
  }
  return (
    <div className={`field${mine.length ? ' invalid' : ''}`} data-field={path}>
      <label htmlFor={id} id={`${id}-label`}>
        {label}
      </label>
      <FieldControl {...props} id={id} describedBy={describedBy} invalid={mine.length > 0} />
      {help}
      {error}
    </div>
  );
}

/** Sub-fields of a component, repeater or component picker. */
function Group(props: FieldProps) {
  const { def, value, onChange, schema, path } = props;
  if (def.type === 'component') {
    const fields = schema.components[def.component ?? '']?.fields ?? {};
    const v = (value && typeof value === 'object' && !Array.isArray(value) ? value : {}) as Record<string, unknown>;
    return <Fields {...props} fields={fields} values={v} onChange={(next) => onChange(next)} prefix={path} />;
  }
  const rows = Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
  const setRow = (i: number, row: Record<string, unknown>) => onChange(rows.map((r, j) => (i === j ? row : r)));
  const remove = (i: number) => onChange(rows.filter((_, j) => j !== i));
  if (def.type === 'repeater') {
    const fields = def.fields ?? {};
    return (
      <>
        {rows.map((row, i) => (
          <div className="row-block" key={i}>
            <Fields
              {...props}
              fields={fields}
              values={row}
              onChange={(next) => setRow(i, next)}
              prefix={`${path}.${i}`}
            />
            <button type="button" className="danger small" onClick={() => remove(i)}>
              Remove row {i + 1}
            </button>
          </div>
        ))}
        <button type="button" className="small" onClick={() => onChange([...rows, emptyFields(fields, schema)])}>
          Add row
        </button>
      </>
    );
  }
  const kinds = def.components ?? [];
  return (
    <>
      {rows.map((row, i) => {
        const kind = String(row.type ?? '');
        const fields = schema.components[kind]?.fields ?? {};
        return (
          <div className="row-block" key={i}>
            <p className="row-title">{schema.components[kind]?.name ?? humanize(kind)}</p>
            <Fields
              {...props}
              fields={fields}
              values={(row.fields ?? {}) as Record<string, unknown>}
              onChange={(next) => setRow(i, { type: kind, fields: next })}
              prefix={`${path}.${i}.fields`}
            />
            <button type="button" className="danger small" onClick={() => remove(i)}>
              Remove {schema.components[kind]?.name ?? kind}
            </button>
          </div>
        );
      })}
      <div className="inline-form">
        {kinds.map((k) => (
          <button
            type="button"
            className="small"
            key={k}
            onClick={() =>
              onChange([...rows, { type: k, fields: emptyFields(schema.components[k]?.fields ?? {}, schema) }])
            }
          >
            Add {schema.components[k]?.name ?? humanize(k)}
          </button>
        ))}
      </div>
    </>
  );
}

/** A set of fields (a type's, a component's, a repeater row's). */
export function Fields(
  props: Omit<FieldProps, 'name' | 'def' | 'value' | 'onChange' | 'path'> & {
    fields: Record<string, FieldDef>;
    values: Record<string, unknown>;
    onChange: (v: Record<string, unknown>) => void;
    prefix: string;
  },
) {
  const { fields, values, onChange, prefix } = props;
  return (
    <>
      {Object.entries(fields).map(([key, def]) => (
        <FieldInput
          key={key}
          name={key}
          def={def}
          value={values[key]}
          onChange={(v) => onChange({ ...values, [key]: v })}
          path={prefix ? `${prefix}.${key}` : key}
          errors={props.errors}
          schema={props.schema}
          locale={props.locale}
        />
      ))}
    </>
  );
}
