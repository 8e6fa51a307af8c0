import { fromLocalInput, toLocalInput, zoneLabel } from '../time-zone';

/**
 * A date and time in the editor's own time zone, named beside it with its offset on that day
 * (`Europe/Paris (UTC+02:00)` in summer): `value` and `onChange` are ISO UTC, as the API takes
 * them ('' for none). `errors` (the server's, or a check made before sending) show beside it.
 */
export function DateTimePicker({
  id,
  label,
  value,
  onChange,
  errors,
  hint,
  required,
  future,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (iso: string) => void;
  errors: string[];
  hint?: string;
  required?: boolean;
  /** Offer only times from now on in the browser's picker (a typed past time is still checked). */
  future?: boolean;
}) {
  const picked = value ? new Date(value) : new Date();
  const describedBy = [`${id}-zone`, hint ? `${id}-help` : '', errors.length ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className={`field${errors.length ? ' invalid' : ''}`}>
      <label htmlFor={id}>
        {label}
        {required && (
          <span className="req" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </label>
      <div className="datetime-row">
        <input
          id={id}
          type="datetime-local"
          value={toLocalInput(value)}
          min={future ? toLocalInput(new Date().toISOString()) : undefined}
          required={required}
          aria-invalid={errors.length > 0}
          aria-describedby={describedBy}
          onChange={(e) => onChange(fromLocalInput(e.target.value))}
        />
        <span className="datetime-zone" id={`${id}-zone`}>
          <span className="visually-hidden">Time zone: </span>
          {zoneLabel(Number.isNaN(picked.getTime()) ? new Date() : picked)}
        </span>
      </div>
      {hint && (
        <p className="hint" id={`${id}-help`}>
          {hint}
        </p>
      )}
      {errors.length > 0 && (
        <p className="field-error" id={`${id}-error`}>
          {errors.join(' ')}
        </p>
      )}
    </div>
  );
}
