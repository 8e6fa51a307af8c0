import type { ExportedSchema, FieldDef } from '../../../src/shared/field-types';
import type { FieldErrors } from '../api';
import { ApiError } from '../api';
import { ReadOnlyContext } from '../context';
import { humanize } from '../schema';
import { Fields } from './field-input';

/** Field errors keyed by the path inside `fields` (the API may prefix `fields.` or the locale). */
export function fieldErrorsOf(error: unknown, locale: string): FieldErrors {
  if (!(error instanceof ApiError)) return {};
  const out: FieldErrors = {};
  for (const [k, v] of Object.entries(error.fields))
    out[k.replace(/^fields\./, '').replace(new RegExp(`^${locale}\\.`), '')] = v;
  return out;
}

/** A summary of every field error at the top of a form, each linking to its field. */
export function ErrorSummary({ errors }: { errors: FieldErrors }) {
  const entries = Object.entries(errors);
  if (!entries.length) return null;
  return (
    <div className="notice notice-error" role="alert">
      <p>Nothing was saved: {entries.length === 1 ? 'one field needs' : `${entries.length} fields need`} attention.</p>
      <ul>
        {entries.map(([path, messages]) => (
          <li key={path}>
            <a href={`#f-${path.replace(/[^a-zA-Z0-9_-]/g, '-')}`}>{path.split('.').map(humanize).join(' › ')}</a>:{' '}
            {messages.join(' ')}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The fields of a page or item, read-only for viewers. */
export function EntryFields({
  fields,
  values,
  onChange,
  errors,
  schema,
  locale,
  readOnly,
}: {
  fields: Record<string, FieldDef>;
  values: Record<string, unknown>;
  onChange: (v: Record<string, unknown>) => void;
  errors: FieldErrors;
  schema: ExportedSchema;
  locale: string;
  readOnly: boolean;
}) {
  return (
    <ReadOnlyContext.Provider value={readOnly}>
      <fieldset className="plain" disabled={readOnly}>
        <legend className="visually-hidden">Fields</legend>
        {Object.keys(fields).length === 0 ? (
          <p className="hint">This type has no fields yet. Add some under Content Types.</p>
        ) : null}
        <Fields
          fields={fields}
          values={values}
          onChange={onChange}
          errors={errors}
          schema={schema}
          locale={locale}
          prefix=""
        />
      </fieldset>
    </ReadOnlyContext.Provider>
  );
}
