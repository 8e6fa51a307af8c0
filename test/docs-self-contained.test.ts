// The repository documents itself (issue 17 item 20): whoever clones it has no other folder, so
// no file may point at documents outside it, every "docs/api.md §N" names a section docs/api.md
// has, and every relative link of a Markdown page reaches a file (and heading) that exists.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SELF = 'test/docs-self-contained.test.ts';
const API_DOC = 'docs/api.md';

// Documents that exist only beside a working copy, never in it. The repository's own contract is
// docs/api.md (lower case), so an upper-case API.md always means the outside one.
const OUTSIDE = [
  { name: 'API.md', pattern: /(?<![\w-])API\.md/ },
  { name: 'ARCHITECTURE.md', pattern: /ARCHITECTURE\.md/ },
  { name: 'BENCHMARKS.md', pattern: /BENCHMARKS\.md/ },
  { name: 'STYLE.md', pattern: /STYLE\.md/ },
  { name: 'shared/reference', pattern: /shared\/reference/ },
  { name: '/work/shared', pattern: /\/work\/shared/ },
];

/** The files the repository holds (tracked, and new ones not ignored), without the lock file. */
function repositoryFiles(): string[] {
  let listed: string[];
  try {
    const out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    listed = out.split('\0').filter(Boolean);
  } catch {
    listed = walk('');
  }
  return listed.filter((file) => file !== 'package-lock.json' && file !== SELF && fs.existsSync(path.join(ROOT, file)));
}

/** Without git (an unpacked archive): every file but dependencies, builds and data. */
function walk(dir: string): string[] {
  const skip = new Set(['.git', 'node_modules', 'dist', 'data']);
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return skip.has(entry.name) ? [] : walk(rel);
    return entry.isFile() ? [rel] : [];
  });
}

/** A file's text, or null for a binary file (screenshots). */
function textOf(file: string): string | null {
  const bytes = fs.readFileSync(path.join(ROOT, file));
  return bytes.includes(0) ? null : bytes.toString('utf8');
}

interface Hit {
  file: string;
  line: number;
  text: string;
}

function hitsIn(file: string, text: string, find: (line: string) => string | null): Hit[] {
  const hits: Hit[] = [];
  text.split('\n').forEach((line, i) => {
    const found = find(line);
    if (found !== null) hits.push({ file, line: i + 1, text: found });
  });
  return hits;
}

/**
 * `../shared` (any depth) that leaves the repository or leads to no folder in it; `src/shared/`
 * and imports of it are fine.
 */
function sharedOutside(file: string, line: string): string | null {
  for (const match of line.matchAll(/(?:\.\.\/)+shared\b/g)) {
    const target = path.resolve(ROOT, path.dirname(file), match[0]);
    if (path.relative(ROOT, target).startsWith('..') || !fs.existsSync(target)) return line.trim();
  }
  return null;
}

/** The numbers of docs/api.md's sections, from its `## N. Title` headings. */
function apiSections(): number[] {
  const text = fs.readFileSync(path.join(ROOT, API_DOC), 'utf8');
  return [...text.matchAll(/^## (\d+)\. \S/gm)].map((m) => Number(m[1]));
}

/** Every section cited as `docs/api.md §3` or `docs/api.md §3, §8 and §9` (in docs/api.md, any `§N`). */
function citedSections(file: string, text: string): { section: number; line: number }[] {
  const cited: { section: number; line: number }[] = [];
  const lineAt = (index: number) => text.slice(0, index).split('\n').length;
  const runs =
    file === API_DOC
      ? [...text.matchAll(/§\d+/g)]
      : [...text.matchAll(/docs\/api\.md(?:(?:\s*,\s*|\s+and\s+|\s+)§\d+)+/g)];
  for (const run of runs) {
    for (const n of run[0].matchAll(/§(\d+)/g))
      cited.push({ section: Number(n[1]), line: lineAt(run.index! + n.index!) });
  }
  return cited;
}

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens. */
function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}_\- ]/gu, '')
    .replace(/ /g, '-');
}

function anchorsOf(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const m of withoutCode(markdown).matchAll(/^#{1,6} (.+)$/gm)) {
    const base = anchorOf(m[1]!);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  return anchors;
}

/** Markdown without its fenced code blocks (a `#` comment there is no heading, a `](x)` no link). */
/** The Markdown without code blocks and inline code (which may run over a line break), where `](` is no link. */
function withoutCode(markdown: string): string {
  return markdown.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`]*`/g, '');
}

const files = repositoryFiles();
const texts = new Map(
  files.map((file) => [file, textOf(file)] as const).filter((e): e is [string, string] => e[1] !== null),
);

describe('the repository points only at itself', () => {
  it('finds the files to check', () => {
    expect(texts.has('README.md')).toBe(true);
    expect(texts.has(API_DOC)).toBe(true);
  });

  it.each(OUTSIDE)('no file names $name', ({ pattern }) => {
    const hits = [...texts].flatMap(([file, text]) =>
      hitsIn(file, text, (line) => (pattern.test(line) ? line.trim() : null)),
    );
    expect(hits).toEqual([]);
  });

  it('no relative path reaches a shared folder outside the repository', () => {
    const hits = [...texts].flatMap(([file, text]) => hitsIn(file, text, (line) => sharedOutside(file, line)));
    expect(hits).toEqual([]);
  });

  it('checks ../shared against where it leads', () => {
    expect(sharedOutside('src/accounts/tokens.ts', "import type { X } from '../shared/tokens.js';")).toBeNull();
    expect(sharedOutside('src/content/schema/types.ts', "from '../../shared/field-types.js';")).toBeNull();
    expect(sharedOutside('docs/api.md', 'see ../shared/API.md')).not.toBeNull();
    expect(sharedOutside('README.md', 'see ../shared/x')).not.toBeNull();
  });
});

describe('docs/api.md sections', () => {
  const sections = apiSections();

  it('are numbered 1, 2, 3... in order', () => {
    expect(sections.length).toBeGreaterThanOrEqual(9);
    expect(sections).toEqual(sections.map((_, i) => i + 1));
  });

  it('exist wherever they are cited', () => {
    const cited = [...texts].flatMap(([file, text]) => citedSections(file, text).map((c) => ({ file, ...c })));
    expect(cited.length).toBeGreaterThan(30);
    expect(cited.filter((c) => !sections.includes(c.section))).toEqual([]);
  });

  it('reads every form of citation', () => {
    const numbers = (text: string) => citedSections('src/x.ts', text).map((c) => c.section);
    expect(numbers('(docs/api.md §9)')).toEqual([9]);
    expect(numbers('docs/api.md §1, §3, §8, §9 and docs/api.md §10, "Data loss"')).toEqual([1, 3, 8, 9, 10]);
    expect(numbers('docs/api.md §3 and §9')).toEqual([3, 9]);
    expect(numbers('docs/api.md alone, §4 of something else')).toEqual([]);
  });
});

describe('relative links of the Markdown pages', () => {
  it('reach files and headings that exist', () => {
    const broken: string[] = [];
    for (const [file, text] of texts) {
      if (!file.endsWith('.md')) continue;
      for (const m of withoutCode(text).matchAll(/\]\(([^)\s]+)\)/g)) {
        const link = m[1]!;
        if (/^[a-z][a-z0-9+.-]*:/i.test(link)) continue;
        const [target = '', anchor] = link.split('#');
        const resolved = target ? path.join(path.dirname(file), target) : file;
        const full = path.join(ROOT, resolved);
        if (!fs.existsSync(full)) broken.push(`${file}: ${link}`);
        else if (anchor && resolved.endsWith('.md') && !anchorsOf(fs.readFileSync(full, 'utf8')).has(anchor))
          broken.push(`${file}: ${link}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('makes anchors as GitHub does', () => {
    expect(anchorOf('6. The blog')).toBe('6-the-blog');
    expect(anchorOf("Limits on every request's work")).toBe('limits-on-every-requests-work');
    expect(anchorOf('`ghee schema apply`')).toBe('ghee-schema-apply');
  });
});
