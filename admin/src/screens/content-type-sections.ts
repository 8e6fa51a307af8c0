import { PAGE_SLUG, PAGE_TYPE_KEY, SNAKE_KEY } from '../../../src/shared/field-options';
import type { SectionName } from '../../../src/shared/field-types';

/** The content type chosen in the Content Types screen. */
export interface SelectedType {
  section: SectionName;
  key: string;
}

/** The four kinds of content type, as the schema document names them, with the keys each kind takes. */
export const SECTIONS: { key: SectionName; label: string; keyRule: RegExp; keyHint: string }[] = [
  {
    key: 'page_types',
    label: 'Page types',
    keyRule: PAGE_TYPE_KEY,
    keyHint: 'lowercase, digits, _ and -, e.g. landing_page',
  },
  { key: 'single_pages', label: 'Single pages', keyRule: PAGE_SLUG, keyHint: 'the page slug, e.g. about-us' },
  {
    key: 'collections',
    label: 'Collections',
    keyRule: SNAKE_KEY,
    keyHint: 'lowercase, digits and _, e.g. team_members',
  },
  { key: 'components', label: 'Components', keyRule: SNAKE_KEY, keyHint: 'lowercase, digits and _, e.g. seo' },
];
