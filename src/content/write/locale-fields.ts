import { errors, messages } from '../../errors/index.js';
import type { AccountSchema, ContentType } from '../account-schema.js';

/** A write's `fields`, per locale. */
export interface LocaleFields {
  locales: Record<string, Record<string, unknown>>;
  keyedByLocale: boolean;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Splits `fields` into per-locale inputs. A body is keyed by locale when one of its keys is an
 * enabled locale that is not also a field of the type; then every key must be such a locale.
 * Flat fields go to `locale`. A key the schema does not define is the schema-mismatch 400.
 */
export function splitLocales(
  fields: Record<string, unknown>,
  type: ContentType,
  schema: AccountSchema,
  locale: string,
): LocaleFields {
  const enabled = new Set(schema.locales.map((l) => l.slug));
  const isLocaleKey = (key: string) => enabled.has(key) && !Object.hasOwn(type.fields, key);
  const keyed = Object.keys(fields).some((key) => isLocaleKey(key) && isObject(fields[key]));
  const where = type.kind === 'collection' ? 'collection' : 'page type';
  if (!keyed) {
    for (const key of Object.keys(fields))
      if (!Object.hasOwn(type.fields, key)) throw errors.undefinedField(key, where);
    return { locales: { [locale]: fields }, keyedByLocale: false };
  }
  const unknown = Object.keys(fields).filter((key) => !isLocaleKey(key) || !isObject(fields[key]));
  if (unknown.length) {
    throw errors.validation(
      Object.fromEntries(
        unknown.map((key) => [key, [enabled.has(key) ? messages.notObject : messages.notEnabledLocale(key)]]),
      ),
    );
  }
  for (const value of Object.values(fields) as Record<string, unknown>[]) {
    for (const key of Object.keys(value)) if (!Object.hasOwn(type.fields, key)) throw errors.undefinedField(key, where);
  }
  return { locales: fields as Record<string, Record<string, unknown>>, keyedByLocale: true };
}
