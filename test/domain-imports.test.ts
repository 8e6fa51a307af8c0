import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The domain knows nothing of HTTP (docs/architecture.md, Errors): it throws the catalogue's
// errors (src/errors) and src/http alone decides what they become on the wire. Only the HTTP
// adapters (src/http, src/api, src/admin) and the entry point (src/server.ts) may import src/http.

const SRC = path.resolve(new URL('../src/', import.meta.url).pathname);
const HTTP = path.join(SRC, 'http');
const DOMAIN = [
  'accounts',
  'audit',
  'blog',
  'cache',
  'cli',
  'content',
  'errors',
  'files',
  'history',
  'images',
  'mail',
  'media',
  'migrate-butter',
  'params',
  'preview',
  'quota',
  'scheduling',
  'seed',
  'shared',
  'store',
  'threads',
  'transfer',
  'users',
  'webhooks',
];

/** Every .ts file under `dir`, nested folders (src/content/write) included. */
function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? tsFiles(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

/** The files of a folder that import (or re-export) a module of src/http. */
function httpImporters(folder: string): string[] {
  return tsFiles(path.join(SRC, folder))
    .filter((file) => {
      const source = fs.readFileSync(file, 'utf8');
      const targets = [...source.matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)].map((m) =>
        path.resolve(path.dirname(file), m[1]!),
      );
      return targets.some((t) => t === HTTP || t.startsWith(HTTP + path.sep));
    })
    .map((file) => path.relative(SRC, file));
}

describe('domain code does not import src/http', () => {
  it.for(DOMAIN)('src/%s', (folder) => {
    expect(httpImporters(folder)).toEqual([]);
  });

  it('every folder of src is either listed here or an HTTP adapter', () => {
    const folders = fs
      .readdirSync(SRC, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    expect(folders.filter((f) => !DOMAIN.includes(f)).sort()).toEqual(['admin', 'api', 'http']);
  });

  it('the walk reaches nested folders, such as src/content/write', () => {
    const walked = tsFiles(path.join(SRC, 'content')).map((file) => path.relative(SRC, file));
    expect(walked).toContain(path.join('content', 'write', 'write-entry.ts'));
  });

  it('the check finds an import of src/http where there is one (src/api)', () => {
    expect(httpImporters('api').length).toBeGreaterThan(0);
  });
});
