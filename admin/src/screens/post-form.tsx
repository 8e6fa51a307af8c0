import type { ReactNode } from 'react';
import type { PostStatus } from '../../../src/shared/posts';
import type { FieldErrors } from '../api';
import type { Post } from './post-shapes';

/** What the post editor's controls hold: lists as comma-separated names, the schedule in local time. */
export interface PostForm {
  title: string;
  slug: string;
  body: string;
  summary: string;
  seo_title: string;
  meta_description: string;
  featured_image: string;
  featured_image_alt: string;
  author: string;
  categories: string;
  tags: string;
  status: PostStatus;
  scheduled: string;
}

export const EMPTY_POST: PostForm = {
  title: '',
  slug: '',
  body: '',
  summary: '',
  seo_title: '',
  meta_description: '',
  featured_image: '',
  featured_image_alt: '',
  author: '',
  categories: '',
  tags: '',
  status: 'draft',
  scheduled: '',
};

/** An ISO time as a `datetime-local` value in the user's zone, and back. */
function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
function fromLocalInput(value: string): string | undefined {
  if (!value) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : d.toISOString();
}

/** The form of a post read back. */
export function formOf(p: Post): PostForm {
  return {
    title: p.title,
    slug: p.slug,
    body: p.body,
    summary: p.summary,
    seo_title: p.seo_title,
    meta_description: p.meta_description,
    featured_image: p.featured_image,
    featured_image_alt: p.featured_image_alt,
    author: p.author.slug,
    categories: p.categories.map((c) => c.name).join(', '),
    tags: p.tags.map((t) => t.name).join(', '),
    status: p.status,
    scheduled: toLocalInput(p.scheduled),
  };
}

const names = (s: string) =>
  s
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);

/** The write body of a form; the slug only when it is new or changed. */
export function bodyOf(form: PostForm, sendSlug: boolean) {
  return {
    title: form.title,
    ...(sendSlug && { slug: form.slug }),
    body: form.body,
    summary: form.summary,
    seo_title: form.seo_title,
    meta_description: form.meta_description,
    featured_image: form.featured_image,
    featured_image_alt: form.featured_image_alt,
    ...(form.author && { author: { slug: form.author } }),
    categories: names(form.categories),
    tags: names(form.tags),
    status: form.status,
    ...(form.status === 'scheduled' && { scheduled: fromLocalInput(form.scheduled) }),
  };
}

/** Errors of a key and of its items (`categories.2`). */
export function errorsOf(errors: FieldErrors, key: string): string[] {
  return Object.entries(errors)
    .filter(([k]) => k === key || k.startsWith(`${key}.`))
    .flatMap(([k, v]) => (k === key ? v : v.map((m) => `Item ${Number(k.split('.')[1]) + 1}: ${m}`)));
}

/** A labelled control with its hint and its errors beside it. */
export function Field({
  id,
  label,
  errors,
  hint,
  required,
  children,
}: {
  id: string;
  label: string;
  errors: string[];
  hint?: string;
  required?: boolean;
  children: (describedBy: string | undefined, invalid: boolean) => ReactNode;
}) {
  const describedBy =
    [hint ? `${id}-help` : '', errors.length ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${errors.length ? ' invalid' : ''}`}>
      <label htmlFor={id} id={`${id}-label`}>
        {label}
        {required && (
          <span className="req" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </label>
      {children(describedBy, errors.length > 0)}
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
