import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ADMIN_CODES, V2_CODES } from '../src/errors/index.js';
import { STATUS_OF } from '../src/http/error-status.js';

// The error catalogue (src/errors) holds every public text once and imports nothing, so any layer
// may use it; docs/admin-api.md lists every code with the status src/http gives it.

const ERRORS_DIR = new URL('../src/errors/', import.meta.url);
const FILES = fs
  .readdirSync(ERRORS_DIR)
  .filter((f) => f.endsWith('.ts'))
  .sort();
const sourceOf = (file: string) => fs.readFileSync(new URL(file, ERRORS_DIR), 'utf8');

/** The module specifiers a file imports or re-exports. */
function specifiers(file: string): string[] {
  const source = ts.createSourceFile(file, sourceOf(file), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      found.push(node.moduleSpecifier.text);
    }
    if (
      ts.isCallExpression(node) &&
      (node.expression.kind === ts.SyntaxKind.ImportKeyword ||
        (ts.isIdentifier(node.expression) && node.expression.text === 'require'))
    ) {
      found.push(node.arguments[0]?.getText() ?? '');
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/**
 * The words a file writes: its string and template literals that hold a letter and a space (codes
 * and separators hold no such thing), template placeholders as `${}`.
 */
function writtenTexts(file: string): string[] {
  const source = ts.createSourceFile(file, sourceOf(file), ts.ScriptTarget.Latest, true);
  const texts: string[] = [];
  const visit = (node: ts.Node) => {
    let text: string | null = null;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) text = node.text;
    if (ts.isTemplateExpression(node))
      text = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join('${}');
    if (text !== null && /[a-z]/i.test(text) && text.includes(' ') && !ts.isImportDeclaration(node.parent))
      texts.push(text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return texts;
}

describe('the error catalogue (src/errors)', () => {
  it.for(FILES)('%s imports only from src/errors', (file) => {
    const outside = specifiers(file).filter(
      (s) => !s.startsWith('./') || path.posix.normalize(s).includes('..') || s.includes('/', 2),
    );
    expect(outside).toEqual([]);
  });

  it.for(FILES)('%s uses no Node global (process, Buffer, require)', (file) => {
    expect(sourceOf(file)).not.toMatch(/\b(process|Buffer|require|__dirname)\b/);
  });

  it('writes no text twice', () => {
    const where = new Map<string, string[]>();
    for (const file of FILES)
      for (const text of writtenTexts(file)) where.set(text, [...(where.get(text) ?? []), file]);
    const twice = [...where].filter(([, files]) => files.length > 1);
    expect(twice).toEqual([]);
  });

  it('has no code in both the /v2 and the admin lists', () => {
    expect(V2_CODES.filter((c) => (ADMIN_CODES as readonly string[]).includes(c))).toEqual([]);
  });
});

describe('docs/admin-api.md, Error codes', () => {
  const doc = fs.readFileSync(new URL('../docs/admin-api.md', import.meta.url), 'utf8');
  const rows = new Map([...doc.matchAll(/^\| `([a-z_]+)` \| (\d{3}) \| .+ \|$/gm)].map((m) => [m[1]!, Number(m[2])]));

  it.for([...V2_CODES, ...ADMIN_CODES])('lists %s with the status src/http gives it', (code) => {
    expect(rows.get(code)).toBe(STATUS_OF[code]);
  });

  it('lists no code the catalogue lacks', () => {
    expect([...rows.keys()].filter((code) => !(code in STATUS_OF))).toEqual([]);
  });
});
