import type { Kysely, Transaction } from 'kysely';
import { errors, messages } from '../../errors/index.js';
import { ingestRequests } from '../../media/ingest-requests.js';
import type { MediaIngester } from '../../media/media-ingester.js';
import { recordChange } from '../../cache/content-changes.js';
import { entryTags } from '../../cache/tags.js';
import { isUniqueViolation } from '../../store/unique-violation.js';
import type { Database } from '../../store/tables.js';
import { isoMicro } from '../../time.js';
import type { AccountSchema } from '../account-schema.js';
import { existingEntryId, findOrCreateEntry, type EntryTarget } from './find-entry.js';
import { propagateShared } from './propagate-shared.js';
import { resolveReferences } from './resolve-references.js';
import { saveVersion } from './save-version.js';
import { sanitizeQueued } from './sanitize-queued.js';
import { validateFields, type FieldsMode, type Validation } from './validate-fields.js';
import { enqueueEntryEvents } from '../../webhooks/entry-events.js';
import type { Actor } from '../../audit/actor.js';
import { recordEntryHistory } from '../../history/record-entry.js';
import { readTiming, type LocalePlan, type Timing, type TimingInput } from './entry-schedule.js';
import { planEntry } from './plan-entry.js';

export interface EntryWrite extends EntryTarget, TimingInput {
  /** Page name (`title` on the wire); kept when absent. */
  name?: string;
  /** Input fields per locale. */
  locales: Record<string, Record<string, unknown>>;
  /** Prefix error paths with the locale (`es.headline`) when the body was keyed by locale. */
  keyedByLocale?: boolean;
  /** Errors found before the fields (a missing title): reported with theirs, all at once. */
  errors?: Record<string, string[]>;
  mode?: FieldsMode;
}

export interface WriteOptions {
  /** Who writes: named by the versions, the audit records and the webhook payloads. */
  actor: Actor;
  now?: Date;
  ingestMedia?: MediaIngester;
  /** A restore: the version the write brings back (kept in the new version). */
  restoredFrom?: number;
}

/**
 * Validates and stores one entry, in every locale given, in one transaction. Publishing writes
 * the published and latest versions; a draft writes only the latest, so readers without preview
 * keep seeing the published one. Bumps the account's content version.
 */
export async function writeEntry(
  db: Kysely<Database>,
  schema: AccountSchema,
  w: EntryWrite,
  options: WriteOptions,
): Promise<{ id: number }> {
  return (await writeEntries(db, schema, [w], options))[0]!;
}

/**
 * Several entries in one transaction: all are stored or none. With more than one, error paths
 * start with the entry's index (`1.name`).
 */
export async function writeEntries(
  db: Kysely<Database>,
  schema: AccountSchema,
  writes: EntryWrite[],
  options: WriteOptions,
): Promise<{ id: number }[]> {
  // The targets first: an update of something missing is the read's 404 before any field is
  // checked or media downloaded (the transaction looks again, in case it went in between).
  for (const w of writes) if (w.intent === 'update') await existingEntryId(db, schema.accountId, w);
  const v: Validation = {
    errors: Object.assign({}, ...writes.map((w) => w.errors ?? {})),
    refs: [],
    media: [],
    html: [],
  };
  const prefixOf = (i: number) => (writes.length > 1 ? `${i}.` : '');
  const now = options.now ?? new Date();
  const timings = writes.map((w, i) =>
    readTiming(w, isoMicro(now), (path, message) => (v.errors[prefixOf(i) + path] ??= []).push(message)),
  );
  const values = writes.map((w, i) => {
    const out: Record<string, Record<string, unknown>> = {};
    for (const [locale, input] of Object.entries(w.locales)) {
      out[locale] = validateFields(
        w.type.fields,
        input,
        schema,
        prefixOf(i) + (w.keyedByLocale ? `${locale}.` : ''),
        v,
        w.mode,
      );
    }
    return out;
  });
  // Rich text first: an HTML value past its limits is an error, and a write with errors downloads nothing.
  await sanitizeQueued(v);
  await ingestAll(v, options.ingestMedia);
  try {
    return await db.transaction().execute(async (trx) => {
      await resolveReferences(trx, schema, v);
      const ids: (number | null)[] = [];
      for (const [i, w] of writes.entries()) {
        const slugErrors: Validation = { errors: {}, refs: [], media: [], html: [] };
        // A slug already refused (missing) needs no second opinion, and the write fails anyway.
        ids.push(w.errors?.slug ? null : await findOrCreateEntry(trx, schema.accountId, w, isoMicro(now), slugErrors));
        for (const [path, list] of Object.entries(slugErrors.errors))
          (v.errors[prefixOf(i) + path] ??= []).push(...list);
      }
      const plans: Map<string, LocalePlan>[] = [];
      for (const [i, w] of writes.entries()) {
        // A time that failed to parse has said so already; the status rules add nothing to it.
        const add = (path: string, message: string) => void (v.errors[prefixOf(i) + path] ??= [message]);
        const locales = Object.keys(values[i]!);
        plans.push(
          ids[i] === null ? new Map() : await planEntry(trx, w, ids[i]!, locales, timings[i]!, isoMicro(now), add),
        );
      }
      if (Object.keys(v.errors).length) throw errors.validation(v.errors);
      const timingOnly = writes.map((w, i) => onlyTiming(w, values[i]!));
      for (const [i, w] of writes.entries()) {
        // Only `unpublish_at` changes: no version is written, the content and its times stay.
        if (!timingOnly[i])
          for (const [locale, localeValues] of Object.entries(values[i]!)) {
            await writeLocale(trx, schema, w, ids[i]!, locale, localeValues, now, plans[i]!.get(locale)!);
          }
        await setUnpublishAt(trx, ids[i]!, timings[i]!);
      }
      await recordEntryHistory(
        trx,
        schema.accountId,
        options.actor,
        writes.map((w, i) => ({
          type: w.type,
          entryId: ids[i]!,
          action: timingOnly[i] ? 'schedule' : auditAction(w, plans[i]!, options),
        })),
        { now, restoredFrom: options.restoredFrom },
      );
      await enqueueEntryEvents(
        trx,
        schema,
        'write',
        writes.flatMap((w, i) =>
          timingOnly[i] ? [] : Object.keys(values[i]!).map((locale) => ({ type: w.type, entryId: ids[i]!, locale })),
        ),
        options.actor.name,
      );
      await recordChange(
        trx,
        schema.accountId,
        writes.flatMap((w, i) => entryTags(w.type, ids[i]!, [w.slug, w.newSlug])),
      );
      return ids.map((id) => ({ id: id! }));
    });
  } catch (error) {
    // Two creates of one slug at once: the unique index decides, the loser gets the field error.
    if (isUniqueViolation(error)) throw errors.validation({ slug: [messages.slugTaken] });
    throw error;
  }
}

/** The audit record's action of an entry write. */
function auditAction(w: EntryWrite, plans: Map<string, LocalePlan>, options: WriteOptions): string {
  if (options.restoredFrom !== undefined) return 'restore';
  if (w.intent === 'create') return 'create';
  if (w.status === 'published') return 'publish';
  return w.status === 'scheduled' && [...plans.values()].some((p) => p.action !== 'update') ? 'schedule' : 'update';
}

/** True for a partial update that sends nothing but `unpublish_at`: it changes no version. */
function onlyTiming(w: EntryWrite, values: Record<string, Record<string, unknown>>): boolean {
  return (
    w.intent === 'update' &&
    w.mode?.partial === true &&
    w.unpublishAt !== undefined &&
    w.status === undefined &&
    w.scheduled === undefined &&
    w.name === undefined &&
    (w.newSlug === undefined || w.newSlug === w.slug) &&
    Object.values(values).every((fields) => Object.keys(fields).length === 0)
  );
}

/** Stores (or clears) when the entry goes off the air, when the write says. */
async function setUnpublishAt(trx: Transaction<Database>, entryId: number, timing: Timing): Promise<void> {
  if (timing.unpublishAt === undefined) return;
  await trx.updateTable('entries').set({ unpublish_at: timing.unpublishAt }).where('id', '=', entryId).execute();
}

async function ingestAll(v: Validation, ingest: MediaIngester | undefined): Promise<void> {
  await ingestRequests(v.media, v.errors, ingest);
}

async function writeLocale(
  trx: Transaction<Database>,
  schema: AccountSchema,
  w: EntryWrite,
  entryId: number,
  locale: string,
  input: Record<string, unknown>,
  now: Date,
  plan: LocalePlan,
) {
  const current = await trx
    .selectFrom('entry_versions')
    .selectAll()
    .where('entry_id', '=', entryId)
    .where('locale', '=', locale)
    .execute();
  const latest = current.find((r) => r.channel === 'latest');
  const published = current.find((r) => r.channel === 'published');
  // A partial write changes only the fields it sends; the rest come from the newest version, or
  // in a locale the entry does not have yet, the shared (`localized: false`) values of another.
  const other = latest ? null : await otherLocale(trx, w, entryId, locale);
  const values = w.mode?.partial
    ? { ...(latest ? (JSON.parse(latest.fields) as Record<string, unknown>) : other?.shared), ...input }
    : input;
  const stamp = isoMicro(now);
  const slug = await trx.selectFrom('entries').select('slug').where('id', '=', entryId).executeTakeFirstOrThrow();
  const base = {
    entryId,
    slug: slug.slug,
    locale,
    name: w.name ?? latest?.name ?? other?.name ?? slug.slug ?? '',
    values,
    updated: stamp,
  };
  const { channels, status, scheduled } = plan;
  // The first publication's time stays; a schedule that published it gives its own time.
  const publishedAt = published?.published ?? (status === 'published' ? (scheduled ?? stamp) : null);
  for (const channel of channels)
    await saveVersion(trx, schema, w.type, { ...base, channel, status, published: publishedAt, scheduled });
  await propagateShared(trx, schema, w.type, entryId, locale, input, channels);
}

/** The status, name and `localized: false` values of an entry's newest version in another locale. */
async function otherLocale(trx: Transaction<Database>, w: EntryWrite, entryId: number, locale: string) {
  const other = await trx
    .selectFrom('entry_versions')
    .select(['fields', 'status', 'name'])
    .where('entry_id', '=', entryId)
    .where('channel', '=', 'latest')
    .where('locale', '!=', locale)
    .limit(1)
    .executeTakeFirst();
  if (!other) return null;
  const values = JSON.parse(other.fields) as Record<string, unknown>;
  const shared = Object.fromEntries(
    Object.entries(w.type.fields)
      .filter(([key, f]) => f.localized === false && key in values)
      .map(([key]) => [key, values[key]]),
  );
  return { status: other.status, name: other.name, shared };
}
