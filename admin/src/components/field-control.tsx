import type { FieldProps } from './field-input';
import { MediaField } from './media-picker';
import { RichText } from './rich-text';

/** The control of one field, by its type: text, number, date, colour, choice, media, reference, rich text. */
export function FieldControl({
  def,
  value,
  onChange,
  id,
  describedBy,
  invalid,
}: FieldProps & { id: string; describedBy: string | undefined; invalid: boolean }) {
  const common = { id, 'aria-describedby': describedBy, 'aria-invalid': invalid, required: def.required };
  const text = typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value);
  switch (def.type) {
    case 'long_text':
    case 'markdown':
    case 'html':
      return (
        <textarea
          {...common}
          rows={def.type === 'long_text' ? 3 : 6}
          value={text}
          onChange={(e) => onChange(e.target.value)}
          className={def.type === 'long_text' ? undefined : 'mono'}
        />
      );
    case 'wysiwyg':
      return <RichText id={id} value={text} onChange={onChange} describedBy={describedBy} invalid={invalid} />;
    case 'number':
      return (
        <input
          {...common}
          type="number"
          min={def.min}
          max={def.max}
          step="any"
          value={value === null || value === undefined ? '' : String(value)}
          onChange={(e) => onChange(e.target.value === '' ? '' : Number(e.target.value))}
        />
      );
    case 'date':
      return (
        <input
          {...common}
          type="text"
          inputMode="numeric"
          placeholder="YYYY-MM-DD"
          value={text}
          onChange={(e) => onChange(e.target.value)}
        />
      );
    case 'color':
      return (
        <span className="color-field">
          <input
            type="color"
            aria-label="Pick a colour"
            value={/^#[0-9a-f]{6}/i.test(text) ? text.slice(0, 7) : '#000000'}
            onChange={(e) => onChange(e.target.value)}
          />
          <input
            {...common}
            type="text"
            placeholder="#rrggbb"
            value={text}
            onChange={(e) => onChange(e.target.value)}
          />
        </span>
      );
    case 'dropdown':
      return (
        <select {...common} value={text} onChange={(e) => onChange(e.target.value)}>
          <option value="">— none —</option>
          {(def.options ?? []).map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      );
    case 'media':
      return (
        <MediaField
          id={id}
          value={text}
          onChange={onChange}
          describedBy={describedBy}
          invalid={invalid}
          required={def.required}
        />
      );
    case 'reference': {
      const isCollection = (def.to ?? '').startsWith('collection:');
      const list = def.many
        ? (Array.isArray(value) ? value : []).join(', ')
        : value === null || value === undefined
          ? ''
          : String(value);
      const parse = (s: string): unknown => {
        const one = (x: string) => (isCollection && /^\d+$/.test(x) ? Number(x) : x);
        if (def.many)
          return s
            .split(',')
            .map((x) => x.trim())
            .filter(Boolean)
            .map(one);
        return s.trim() === '' ? '' : one(s.trim());
      };
      return (
        <input
          {...common}
          type="text"
          placeholder={`${isCollection ? 'item id' : 'page slug'}${def.many ? 's, separated by commas' : ''} (${def.to})`}
          value={list}
          onChange={(e) => onChange(parse(e.target.value))}
        />
      );
    }
    default:
      return (
        <input
          {...common}
          type="text"
          maxLength={def.max_length}
          value={text}
          onChange={(e) => onChange(e.target.value)}
        />
      );
  }
}
