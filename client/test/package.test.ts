// The package as it is published: the built dist/ (npm test compiles it first), imported by its
// name; no dependencies; nothing in it that needs Node, so it runs in browsers as well.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { VERSION } from '../src/version.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Record<string, any>;
const DIST = path.join(ROOT, 'dist');

function distFiles(ext: string): string[] {
  return (fs.readdirSync(DIST, { recursive: true }) as string[])
    .filter((f) => f.endsWith(ext))
    .map((f) => path.join(DIST, f));
}

/** Source text without comments, so a doc example cannot hide or fake an import. */
function code(file: string): string {
  return fs
    .readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');
}

describe('@ghee/client as published', () => {
  it('is built: dist/ has the entry point and its declarations', () => {
    expect(fs.existsSync(path.join(DIST, 'index.js')), 'run `npx tsc -p client/tsconfig.json` (npm test does)').toBe(
      true,
    );
    expect(fs.existsSync(path.join(DIST, 'index.d.ts'))).toBe(true);
  });

  it('imports by name through its exports map, with the buttercms v3 entry point as default', async () => {
    const mod = await import('@ghee/client');
    expect(typeof mod.default).toBe('function');
    expect(mod.default).toBe(mod.Butter);
    expect(mod.GheeError).toBe(mod.ButterCMSError);
    expect(Object.keys(mod).sort()).toEqual([
      'BUTTERCMS_BASE_URL',
      'Butter',
      'ButterCMSError',
      'GheeError',
      'createClient',
      'default',
      'isButterCMSError',
      'safe',
    ]);
    const client = mod.default('token', { baseUrl: 'http://127.0.0.1:9/v2' });
    expect(Object.keys(client)).toEqual(['version', 'page', 'content', 'post', 'author', 'category', 'tag', 'feed']);
    expect(Object.keys(client.page).sort()).toEqual([
      'cancelRequest',
      'create',
      'delete',
      'list',
      'retrieve',
      'search',
      'update',
    ]);
    expect(Object.keys(client.content).sort()).toEqual([
      'cancelRequest',
      'create',
      'delete',
      'replace',
      'retrieve',
      'update',
    ]);
    expect(Object.keys(client.post).sort()).toEqual([
      'cancelRequest',
      'create',
      'delete',
      'list',
      'retrieve',
      'search',
      'update',
    ]);
    for (const name of ['author', 'category', 'tag'] as const)
      expect(Object.keys(client[name]).sort()).toEqual(['cancelRequest', 'list', 'retrieve']);
    expect(Object.keys(client.feed).sort()).toEqual(['cancelRequest', 'retrieve']);
  });

  it('has no runtime dependencies, an ESM entry with types, and one version', () => {
    expect(pkg.name).toBe('@ghee/client');
    expect(pkg.type).toBe('module');
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(pkg.peerDependencies ?? {}).toEqual({});
    expect(pkg.exports['.']).toMatchObject({ types: './dist/index.d.ts', import: './dist/index.js' });
    expect(Object.keys(pkg.exports['.'])[0]).toBe('types');
    expect(pkg.files).toEqual(['dist', 'README.md']);
    expect(VERSION).toBe(pkg.version);
    expect(fs.existsSync(path.join(ROOT, 'README.md'))).toBe(true);
  });

  it('needs nothing but the platform: no imports outside the package, no Node globals', () => {
    const files = distFiles('.js');
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const text = code(file);
      for (const [, specifier] of text.matchAll(/\b(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)) {
        expect(specifier, `${file} imports ${specifier}`).toMatch(/^\.\.?\//);
      }
      expect(text, file).not.toMatch(/\b(process|Buffer|require|__dirname|global)\b/);
    }
  });

  it('the library compiles without Node types (client/tsconfig.json: lib DOM + ES2022, types [])', () => {
    const tsconfig = fs.readFileSync(path.join(ROOT, 'tsconfig.json'), 'utf8');
    expect(tsconfig).toMatch(/"types": \[\]/);
    expect(tsconfig).toMatch(/"lib": \["ES2022", "DOM"\]/);
  });
});
