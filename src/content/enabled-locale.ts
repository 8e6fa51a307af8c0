import { errors } from '../errors/index.js';
import type { AccountSchema } from './account-schema.js';

/**
 * The locale a read or write works in, for both APIs: `requested` (`?locale=`) when the account
 * has it enabled, the account's default when absent, else the contract's 400.
 */
export function enabledLocale(schema: AccountSchema, requested: string | undefined): string {
  const locale = requested ?? schema.defaultLocale;
  if (!schema.locales.some((l) => l.slug === locale)) throw errors.invalidLocale();
  return locale;
}
