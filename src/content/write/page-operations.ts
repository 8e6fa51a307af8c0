import { errors, messages } from '../../errors/index.js';
import { forceFlag } from '../../params/query-bool.js';
import type { ContentType } from '../account-schema.js';
import { enabledLocale } from '../enabled-locale.js';
import { findPage } from '../find-page.js';
import { deleteEntry } from './delete-entry.js';
import { splitLocales } from './locale-fields.js';
import type { WriteContext } from './write-context.js';
import { writeEntry } from './write-entry.js';
import type { TimingInput } from './entry-schedule.js';

// The page writes of both APIs (/v2 and the dashboard's): each checks its input, finds its
// target and writes; the routes only parse the body and shape the answer (docs/api.md §4, §9).

/** A page write's values, as the body carries them, and the query's `locale`. */
export interface PageInput extends TimingInput {
  /** The page's name. */
  title?: string;
  /** Create: the new page's slug; update: a new slug to rename it to. */
  slug?: string;
  fields: Record<string, unknown>;
  /** `?locale=` as sent: flat `fields` are in it (absent: the account's default). */
  locale?: string;
}

/** A page of a path: its page type key (`*`: any) and slug. */
export interface PagePath {
  type: string;
  slug: string;
}

/**
 * Creates a page of `pageType`, or the single page its slug names (`*`). A missing title or slug
 * and an unknown type are reported together with the fields' own errors, all at once; only an
 * unknown type stops before the fields, which cannot be checked without it. /v2 requires every
 * field of the type (`requireAllFields`, as ButterCMS); the dashboard creates from what its form holds.
 */
export async function createPage(
  c: WriteContext,
  input: PageInput & { pageType: string },
  options: { requireAllFields: boolean },
): Promise<{ type: ContentType; slug: string; id: number }> {
  const locale = enabledLocale(c.schema, input.locale);
  const { title, slug, pageType } = input;
  const missing: Record<string, string[]> = {};
  if (!title) missing.title = [messages.required];
  if (!slug) missing.slug = [messages.required];
  let type: ContentType | undefined;
  if (pageType === '*') {
    type = slug ? c.schema.byKey.get(`single_page:${slug}`) : undefined;
    if (slug && !type) missing.slug = [messages.noSinglePage];
  } else {
    type = c.schema.byKey.get(`page_type:${pageType}`);
    if (!type) missing.page_type = [messages.unknownPageType(pageType)];
  }
  if (!type) throw errors.validation(missing);
  const { id } = await writeEntry(
    c.db,
    c.schema,
    {
      type,
      intent: 'create',
      slug,
      name: title,
      ...timingOf(input),
      ...splitLocales(input.fields, type, c.schema, locale),
      mode: { partial: false, requireAll: options.requireAllFields },
      errors: missing,
    },
    { actor: c.actor, ingestMedia: c.ingestMedia, now: c.now },
  );
  return { type, slug: slug!, id };
}

/**
 * Changes the page of `path`: only the fields sent change (PUT as PATCH, as in ButterCMS), and a
 * `slug` renames it, except a single page's, which its schema gives. Returns its type and slug now.
 */
export async function updatePage(
  c: WriteContext,
  path: PagePath,
  input: PageInput,
): Promise<{ type: ContentType; slug: string }> {
  const locale = enabledLocale(c.schema, input.locale);
  const { type } = await findPage(c.db, c.schema, path.type, path.slug);
  if (type.kind === 'single_page' && input.slug !== undefined && input.slug !== type.key) {
    throw errors.validation({ slug: [messages.singlePageSlug] });
  }
  await writeEntry(
    c.db,
    c.schema,
    {
      type,
      intent: 'update',
      slug: path.slug,
      newSlug: input.slug,
      name: input.title,
      ...timingOf(input),
      ...splitLocales(input.fields, type, c.schema, locale),
      mode: { partial: true, requireAll: false },
    },
    { actor: c.actor, ingestMedia: c.ingestMedia, now: c.now },
  );
  return { type, slug: input.slug ?? path.slug };
}

/** Deletes the page of `path`; refused while other content references it, unless `?force=` (as sent) is true. */
export async function deletePage(c: WriteContext, path: PagePath, force: string | undefined): Promise<void> {
  const { type } = await findPage(c.db, c.schema, path.type, path.slug);
  await deleteEntry(c.db, c.schema, type, { slug: path.slug }, forceFlag(force), c.actor);
}

/** The timing a write carries on to the entry (entry-schedule.ts). */
export function timingOf(input: TimingInput): TimingInput {
  return { status: input.status, scheduled: input.scheduled, unpublishAt: input.unpublishAt };
}
