import { LOCALE_SLUG } from '../../accounts/accounts.js';
import type { LocaleDef } from './types.js';
import { isObject } from './validate-field.js';

const LOCALE_KEYS = ['slug', 'name', 'default'];

/** Names are shown as they are: no NUL (which PostgreSQL cannot store in text), line breaks or other control characters. */
export const CONTROL_CHARACTER = /[\u0000-\u001F\u007F-\u009F]/;
export const CONTROL_CHARACTER_MESSAGE = 'must not contain control characters (NUL, line breaks, tabs)';

/**
 * Checks the `locales` list and normalises it: `default: true` on the default locale only (the
 * first one when none is marked), so that export and apply round-trip.
 */
export function validateLocales(raw: unknown, errors: string[]): LocaleDef[] {
  if (!Array.isArray(raw)) {
    errors.push('locales: must be a list of {"slug", "name", "default"} objects');
    return [];
  }
  if (raw.length === 0) errors.push('locales: must list at least one locale');
  const out: LocaleDef[] = [];
  const seen = new Set<string>();
  raw.forEach((item, i) => {
    const at = `locales.${i}`;
    if (!isObject(item)) return void errors.push(`${at}: must be an object with a slug and a name`);
    for (const key of Object.keys(item)) {
      if (!LOCALE_KEYS.includes(key)) errors.push(`${at}.${key}: unknown key; a locale has ${LOCALE_KEYS.join(', ')}`);
    }
    const { slug, name } = item;
    if (typeof slug !== 'string' || !LOCALE_SLUG.test(slug)) {
      errors.push(
        `${at}.slug: ${JSON.stringify(slug ?? null)} is not a locale slug (lowercase letters with an optional region, e.g. en, fr-ca)`,
      );
    } else if (seen.has(slug)) {
      errors.push(`${at}.slug: duplicate locale "${slug}"`);
    } else {
      seen.add(slug);
    }
    if (typeof name !== 'string' || name.trim() === '') errors.push(`${at}.name: must be a non-empty string`);
    else if (CONTROL_CHARACTER.test(name)) errors.push(`${at}.name: ${CONTROL_CHARACTER_MESSAGE}`);
    if (item.default !== undefined && typeof item.default !== 'boolean')
      errors.push(`${at}.default: must be true or false`);
    out.push({ slug: String(slug), name: String(name), ...(item.default === true ? { default: true } : {}) });
  });
  const defaults = out.filter((l) => l.default);
  if (defaults.length > 1) {
    errors.push(
      `locales: exactly one locale may be the default, not ${defaults.length} (${defaults.map((l) => l.slug).join(', ')})`,
    );
  }
  if (defaults.length === 0 && out[0]) out[0] = { ...out[0], default: true };
  return out;
}
