/**
 * A slug for a category, tag or author made from its name: ASCII lowercase letters and digits
 * joined by single hyphens, accents dropped (`Crème brûlée` -> `creme-brulee`). A name with none
 * of those characters (`日本`, `!!!`) gets `fallback`.
 */
export function slugify(name: string, fallback: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || fallback;
}
