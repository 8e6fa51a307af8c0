import { LOCALE_SLUG } from '../../accounts/accounts.js';
import { schemaMessages as m } from '../../errors/index.js';
import type { LocaleDef } from './types.js';
import { isObject } from './validate-field.js';

const LOCALE_KEYS = ['slug', 'name', 'default'];

/** Names are shown as they are: no NUL (which PostgreSQL cannot store in text), line breaks or other control characters. */
export const CONTROL_CHARACTER = /[\u0000-\u001F\u007F-\u009F]/;

/**
 * Checks the `locales` list and normalises it: `default: true` on the default locale only (the
 * first one when none is marked), so that export and apply round-trip.
 */
export function validateLocales(raw: unknown, errors: string[]): LocaleDef[] {
  if (!Array.isArray(raw)) {
    errors.push(m.localesNotList);
    return [];
  }
  if (raw.length === 0) errors.push(m.noLocales);
  const out: LocaleDef[] = [];
  const seen = new Set<string>();
  raw.forEach((item, i) => {
    const at = `locales.${i}`;
    if (!isObject(item)) return void errors.push(m.localeNotObject(at));
    for (const key of Object.keys(item)) {
      if (!LOCALE_KEYS.includes(key)) errors.push(m.unknownKey(`${at}.${key}`, 'locale', LOCALE_KEYS));
    }
    const { slug, name } = item;
    if (typeof slug !== 'string' || !LOCALE_SLUG.test(slug)) {
      errors.push(m.localeSlug(`${at}.slug`, slug));
    } else if (seen.has(slug)) {
      errors.push(m.duplicate(`${at}.slug`, 'locale', slug));
    } else {
      seen.add(slug);
    }
    if (typeof name !== 'string' || name.trim() === '') errors.push(m.nonEmptyString(`${at}.name`));
    else if (CONTROL_CHARACTER.test(name)) errors.push(m.controlCharacters(`${at}.name`));
    if (item.default !== undefined && typeof item.default !== 'boolean') errors.push(m.boolean(`${at}.default`));
    out.push({ slug: String(slug), name: String(name), ...(item.default === true ? { default: true } : {}) });
  });
  const defaults = out.filter((l) => l.default);
  if (defaults.length > 1) errors.push(m.severalDefaults(defaults.map((l) => l.slug)));
  if (defaults.length === 0 && out[0]) out[0] = { ...out[0], default: true };
  return out;
}
