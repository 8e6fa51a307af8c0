import type { ExportedSchema } from '../../../src/shared/field-types';
import type { FieldErrors } from '../api';
import { slugify } from '../slugify';
import type { PageDraft } from './use-page-draft';

/** A page's type (when it is new), title and slug; the slug follows the title until it is edited, a new single page's is chosen. */
export function PageNameFields({
  draft,
  doc,
  isNew,
  errors,
}: {
  draft: PageDraft;
  doc: ExportedSchema;
  isNew: boolean;
  errors: FieldErrors;
}) {
  const { typeKey, setTypeKey, title, setTitle, newSlug, setNewSlug, slugTouched, setSlugTouched, setValues } = draft;
  return (
    <>
      {isNew && (
        <div className="field">
          <label htmlFor="page-type">Page type</label>
          <select
            id="page-type"
            value={typeKey}
            onChange={(ev) => {
              setTypeKey(ev.target.value);
              setValues({});
            }}
          >
            <option value="">Choose…</option>
            {Object.entries(doc.page_types).map(([k, t]) => (
              <option key={k} value={k}>
                {t.name ?? k}
              </option>
            ))}
            {Object.keys(doc.single_pages).length > 0 && <option value="*">Single page</option>}
          </select>
        </div>
      )}
      <div className={`field${errors.title ? ' invalid' : ''}`}>
        <label htmlFor="f-title">
          Title{' '}
          <span className="req" aria-hidden="true">
            *
          </span>
        </label>
        <input
          id="f-title"
          value={title}
          required
          aria-invalid={!!errors.title}
          aria-describedby={errors.title ? 'f-title-error' : undefined}
          onChange={(ev) => {
            setTitle(ev.target.value);
            if (!slugTouched) setNewSlug(slugify(ev.target.value));
          }}
        />
        {errors.title && (
          <p className="field-error" id="f-title-error">
            {errors.title.join(' ')}
          </p>
        )}
      </div>
      <div className={`field${errors.slug ? ' invalid' : ''}`}>
        <label htmlFor="f-slug">Slug</label>
        {isNew && typeKey === '*' ? (
          <select
            id="f-slug"
            value={newSlug}
            onChange={(ev) => {
              setNewSlug(ev.target.value);
              setSlugTouched(true);
              setValues({});
            }}
          >
            <option value="">Choose…</option>
            {Object.entries(doc.single_pages).map(([k, t]) => (
              <option key={k} value={k}>
                {t.name} ({k})
              </option>
            ))}
          </select>
        ) : (
          <input
            id="f-slug"
            value={newSlug}
            required
            aria-invalid={!!errors.slug}
            aria-describedby={`f-slug-help${errors.slug ? ' f-slug-error' : ''}`}
            disabled={!isNew && typeKey === '*'}
            onChange={(ev) => {
              setNewSlug(ev.target.value);
              setSlugTouched(true);
            }}
          />
        )}
        <p className="hint" id="f-slug-help">
          The page's address in the API:{' '}
          <code>
            /v2/pages/{typeKey || '<type>'}/{newSlug || '<slug>'}/
          </code>
        </p>
        {errors.slug && (
          <p className="field-error" id="f-slug-error">
            {errors.slug.join(' ')}
          </p>
        )}
      </div>
      {errors.page_type && <p className="field-error">{errors.page_type.join(' ')}</p>}
    </>
  );
}
