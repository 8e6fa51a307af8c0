import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// src/shared/ is compiled into the dashboard as well as the server (docs/architecture.md): it may
// import only its own files, never Node, Kysely, Fastify or the rest of src/.

const SHARED = path.resolve(new URL('../src/shared/', import.meta.url).pathname);
const FILES = fs
  .readdirSync(SHARED)
  .filter((name) => name.endsWith('.ts'))
  .sort();

/** What a file imports or re-exports that is not a file of src/shared. */
function outsideImports(name: string): string[] {
  const source = fs.readFileSync(path.join(SHARED, name), 'utf8');
  const targets = [...source.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((m) => m[1]!);
  return targets.filter(
    (t) => !/^\.\/[a-z0-9-]+\.js$/.test(t) || !fs.existsSync(path.join(SHARED, t.replace(/\.js$/, '.ts'))),
  );
}

describe('src/shared imports nothing outside itself', () => {
  it('holds files', () => {
    expect(FILES.length).toBeGreaterThan(0);
  });

  it.for(FILES)('src/shared/%s', (name) => {
    expect(outsideImports(name)).toEqual([]);
  });
});
