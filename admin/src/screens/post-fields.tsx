import { POST_STATUSES, type PostStatus } from '../../../src/shared/posts';
import type { FieldErrors } from '../api';
import { DateTimePicker } from '../components/date-time-picker';
import { MediaField } from '../components/media-picker';
import { RichText } from '../components/rich-text';
import { slugify } from '../slugify';
import { errorsOf, Field, type PostForm } from './post-form';
import { authorName, type Author } from './post-shapes';

const STATUS_LABELS: Record<PostStatus, string> = { draft: 'Draft', published: 'Published', scheduled: 'Scheduled' };

/** The post editor's fields, each with its errors beside it; the slug follows the title until it is edited. */
export function PostFields({
  form,
  set,
  errors,
  authors,
  slugTouched,
  setSlugTouched,
}: {
  form: PostForm;
  set: <K extends keyof PostForm>(key: K, value: PostForm[K]) => void;
  errors: FieldErrors;
  authors: Author[];
  slugTouched: boolean;
  setSlugTouched: (touched: boolean) => void;
}) {
  return (
    <>
      <Field id="f-title" label="Title" required errors={errorsOf(errors, 'title')}>
        {(d, inv) => (
          <input
            id="f-title"
            value={form.title}
            required
            aria-invalid={inv}
            aria-describedby={d}
            onChange={(e) => {
              set('title', e.target.value);
              if (!slugTouched) set('slug', slugify(e.target.value));
            }}
          />
        )}
      </Field>
      <Field
        id="f-slug"
        label="Slug"
        required
        errors={errorsOf(errors, 'slug')}
        hint={`The post's address in the API: /v2/posts/${form.slug || '<slug>'}/`}
      >
        {(d, inv) => (
          <input
            id="f-slug"
            value={form.slug}
            required
            aria-invalid={inv}
            aria-describedby={d}
            onChange={(e) => {
              set('slug', e.target.value);
              setSlugTouched(true);
            }}
          />
        )}
      </Field>
      <Field id="f-body" label="Body" errors={errorsOf(errors, 'body')}>
        {(d, inv) => (
          <RichText
            id="f-body"
            value={form.body}
            onChange={(html) => set('body', html)}
            describedBy={d}
            invalid={inv}
          />
        )}
      </Field>
      <Field id="f-summary" label="Summary" errors={errorsOf(errors, 'summary')} hint="Shown in lists and feeds.">
        {(d, inv) => (
          <textarea
            id="f-summary"
            rows={3}
            value={form.summary}
            aria-invalid={inv}
            aria-describedby={d}
            onChange={(e) => set('summary', e.target.value)}
          />
        )}
      </Field>
      <div className="two-col">
        <Field id="f-author" label="Author" errors={errorsOf(errors, 'author')}>
          {(d, inv) => (
            <select
              id="f-author"
              value={form.author}
              aria-invalid={inv}
              aria-describedby={d}
              onChange={(e) => set('author', e.target.value)}
            >
              {authors.map((a) => (
                <option key={a.slug} value={a.slug}>
                  {authorName(a)}
                  {a.email ? ` (${a.email})` : ''}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="f-status" label="Status" errors={errorsOf(errors, 'status')}>
          {(d, inv) => (
            <select
              id="f-status"
              value={form.status}
              aria-invalid={inv}
              aria-describedby={d}
              onChange={(e) => set('status', e.target.value as PostStatus)}
            >
              {POST_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id="f-categories"
          label="Categories"
          errors={errorsOf(errors, 'categories')}
          hint="Comma-separated; new names are created."
        >
          {(d, inv) => (
            <input
              id="f-categories"
              value={form.categories}
              aria-invalid={inv}
              aria-describedby={d}
              onChange={(e) => set('categories', e.target.value)}
            />
          )}
        </Field>
        <Field
          id="f-tags"
          label="Tags"
          errors={errorsOf(errors, 'tags')}
          hint="Comma-separated; new names are created."
        >
          {(d, inv) => (
            <input
              id="f-tags"
              value={form.tags}
              aria-invalid={inv}
              aria-describedby={d}
              onChange={(e) => set('tags', e.target.value)}
            />
          )}
        </Field>
      </div>
      {form.status === 'scheduled' && (
        <DateTimePicker
          id="f-scheduled"
          label="Publish at"
          value={form.scheduled}
          onChange={(iso) => set('scheduled', iso)}
          errors={errorsOf(errors, 'scheduled')}
          hint="In your time zone. Readers see the post from then on; a live post stays as it is until then."
          required
          future
        />
      )}
      <Field id="f-featured_image" label="Featured image" errors={errorsOf(errors, 'featured_image')}>
        {(d, inv) => (
          <MediaField
            id="f-featured_image"
            value={form.featured_image}
            onChange={(url) => set('featured_image', url)}
            describedBy={d}
            invalid={inv}
          />
        )}
      </Field>
      <Field id="f-featured_image_alt" label="Featured image alt text" errors={errorsOf(errors, 'featured_image_alt')}>
        {(d, inv) => (
          <input
            id="f-featured_image_alt"
            value={form.featured_image_alt}
            aria-invalid={inv}
            aria-describedby={d}
            onChange={(e) => set('featured_image_alt', e.target.value)}
          />
        )}
      </Field>
      <fieldset className="group">
        <legend>SEO</legend>
        <Field id="f-seo_title" label="SEO title" errors={errorsOf(errors, 'seo_title')}>
          {(d, inv) => (
            <input
              id="f-seo_title"
              value={form.seo_title}
              aria-invalid={inv}
              aria-describedby={d}
              onChange={(e) => set('seo_title', e.target.value)}
            />
          )}
        </Field>
        <Field id="f-meta_description" label="Meta description" errors={errorsOf(errors, 'meta_description')}>
          {(d, inv) => (
            <textarea
              id="f-meta_description"
              rows={2}
              value={form.meta_description}
              aria-invalid={inv}
              aria-describedby={d}
              onChange={(e) => set('meta_description', e.target.value)}
            />
          )}
        </Field>
      </fieldset>
    </>
  );
}
