import { describe, expect, it } from 'vitest';
import { slugify } from '../src/blog/slugify.js';

// The slug made from a category, tag or author name (docs/api.md §6): ASCII lowercase letters
// and digits joined by single hyphens, accents dropped, the fallback when nothing is left.

describe('slugify', () => {
  it.for<[string, string]>([
    ['Recipes', 'recipes'],
    ['Kitchen science', 'kitchen-science'],
    ['Crème brûlée', 'creme-brulee'],
    ['  Ghee -- Butter  ', 'ghee-butter'],
    ['C++ & Rust!', 'c-rust'],
    ['2026 Launch', '2026-launch'],
    ['ﬁne', 'fine'],
    ['Ærø', 'r'],
    ['snake_case', 'snake-case'],
    ['日本', 'tag'],
    ['!!!', 'tag'],
    ['', 'tag'],
  ])('%j is %j', ([name, slug]) => {
    expect(slugify(name, 'tag')).toBe(slug);
  });
});
