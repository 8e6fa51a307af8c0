import type { ReactNode } from 'react';
import type { PostStatus } from '../../../src/shared/posts';
import type { FieldErrors } from '../api';
import type { Post } from './post-shapes';

/** What the post editor's controls hold: lists as comma-separated names, the schedule as ISO UTC ('' for none). */
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
    // A published post keeps the time a schedule published it at: only a waiting one shows it.
    scheduled: p.status === 'scheduled' ? (p.scheduled ?? '') : '',
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
    ...(form.status === 'scheduled' && form.scheduled && { scheduled: form.scheduled }),
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
