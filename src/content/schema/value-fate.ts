import type { AccountSchema } from '../account-schema.js';
import { sanitizeStored } from '../write/sanitize-stored.js';
import { validateFields, type Validation } from '../write/validate-fields.js';
import { isHtmlField } from './type-changes.js';
import type { FieldDef } from './types.js';

const STRUCTURED = new Set(['reference', 'component', 'component_picker', 'repeater']);

/** Types that need no component lookups: the scalar checks below never reach for one. */
const NO_COMPONENTS: AccountSchema = {
  accountId: 0,
  version: 0,
  locales: [],
  defaultLocale: '',
  byId: new Map(),
  byKey: new Map(),
};

/** Nothing to lose: absent, empty, unchecked, or containers of only such values. */
function isEmptyStored(value: unknown): boolean {
  if (value === undefined || value === null || value === '' || value === false) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.values(value).every(isEmptyStored);
  return false;
}

/**
 * Whether any of a field's stored values would be lost or altered by changing its type from
 * `from` to `to`: it would read back differently (a number as a text, a structure as a scalar, a
 * library path as a bare path), a write would no longer accept it as it is (a text that is not a
 * date), or the sanitiser would change it (text becoming rich text). Stops at the first.
 */
export async function anyValueChanged(from: FieldDef, to: FieldDef, values: unknown[]): Promise<boolean> {
  const html: string[] = [];
  for (const value of values) {
    if (isEmptyStored(value)) continue;
    if (STRUCTURED.has(from.type) || STRUCTURED.has(to.type)) return true;
    if (isHtmlField(from) && isHtmlField(to)) continue;
    if (from.type === 'media' && to.type !== 'media' && typeof value === 'string' && value.startsWith('/media/'))
      return true;
    const v: Validation = { errors: {}, refs: [], media: [], html: [] };
    const out = validateFields({ value: to }, { value }, NO_COMPONENTS, '', v);
    if (Object.keys(v.errors).length) return true;
    if (v.html.length) html.push(value as string);
    else if (!Object.is(out.value, value)) return true;
  }
  if (!html.length) return false;
  // Compared with what the change would store: the sanitised value, or past the limits, its escaped text.
  const stored = await sanitizeStored(html);
  return stored.some((clean, i) => clean !== html[i]);
}
