import type { AccountSchema, ContentType } from '../../content/account-schema.js';
import { errors } from '../../http/errors.js';

/** The collection of an admin item path (the read's 404 when unknown). */
export function collectionType(schema: AccountSchema, key: string): ContentType {
  const type = schema.byKey.get(`collection:${key}`);
  if (!type) throw errors.collectionNotFound();
  return type;
}

/** An item id from a path: a positive 32-bit integer, else the 404. */
export function itemId(raw: string | undefined): number {
  const id = /^[1-9]\d{0,9}$/.test(raw ?? '') ? Number(raw) : NaN;
  if (!(id < 2 ** 31)) throw errors.notFound();
  return id;
}

/** The locale of an admin read or write: `?locale=` (enabled, else the contract's 400) or the default. */
export function adminLocale(schema: AccountSchema, query: Record<string, string>): string {
  const locale = query.locale ?? schema.defaultLocale;
  if (!schema.locales.some((l) => l.slug === locale)) throw errors.invalidLocale();
  return locale;
}
