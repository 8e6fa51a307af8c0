import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { MediaKind } from '../../shared/media.js';
import type { Database } from '../../store/tables.js';
import { ACCOUNT_MEDIA_COLUMNS, type AccountMedia } from '../media-table.js';

/** A search of an account's library (media-filter.ts reads it from a query string). */
export interface MediaSearch {
  /** Words that must each appear in the original name, alt text, caption or a tag. */
  terms: string[];
  /** A tag the file must have (lower-cased, as tags are stored). */
  tag: string | null;
  kind: MediaKind | null;
  limit: number;
  offset: number;
}

const SEARCHED = ['original_name', 'alt', 'caption', 'tags'] as const;
const PREFIXES: Record<Exclude<MediaKind, 'document'>, string> = {
  image: 'image/%',
  video: 'video/%',
  audio: 'audio/%',
};

/**
 * A page of the account's library matching the search, newest upload first, and how many match.
 * Words match case-insensitively (on SQLite, for ASCII letters), `%` and `_` as themselves.
 */
export async function searchMedia(
  db: Kysely<Database>,
  accountId: number,
  search: MediaSearch,
): Promise<{ rows: AccountMedia[]; count: number }> {
  const base = db
    .selectFrom('media')
    .where('account_id', '=', accountId)
    .where((eb) => eb.and(conditions(eb, search)));
  const counted = await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
  const count = Number(counted?.n ?? 0);
  if (search.offset >= count) return { rows: [], count };
  const rows = await base
    .select(ACCOUNT_MEDIA_COLUMNS)
    .orderBy('created', 'desc')
    .orderBy('name')
    .limit(search.limit)
    .offset(search.offset)
    .execute();
  return { rows, count };
}

function conditions(eb: ExpressionBuilder<Database, 'media'>, search: MediaSearch): Expression<SqlBool>[] {
  const list: Expression<SqlBool>[] = search.terms.map((term) =>
    eb.or(SEARCHED.map((column) => like(sql`lower(${sql.ref(column)})`, `%${escapeLike(term.toLowerCase())}%`))),
  );
  // Stored as a JSON list: the tag in quotes is that tag whole, never a part of another.
  if (search.tag !== null) list.push(like(sql.ref('tags'), `%${escapeLike(JSON.stringify(search.tag))}%`));
  if (search.kind === 'document') {
    list.push(eb.and(Object.values(PREFIXES).map((prefix) => eb.not(like(sql.ref('mime'), prefix)))));
  } else if (search.kind !== null) {
    list.push(like(sql.ref('mime'), PREFIXES[search.kind]));
  }
  return list;
}

/** `value LIKE pattern` with `\` as the escape character, on both databases. */
function like(value: Expression<unknown>, pattern: string): Expression<SqlBool> {
  return sql<SqlBool>`${value} like ${pattern} escape '\\'`;
}

/** A text matched as itself inside a LIKE pattern. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
