// `generateTypes` (SchemaDocument -> TypeScript) and `ghee types generate`. The files it makes for
// the demo and an edge-case schema are kept in client/test/types, where the client's type test
// compiles them against a sample; run with UPDATE_TYPES=1 to write them again after a change.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../src/cli/io.js';
import { main } from '../src/cli/main.js';
import { loadConfig } from '../src/config.js';
import { generateTypes } from '../src/content/schema/generate-types.js';
import type { FieldDef, SchemaDocument } from '../src/content/schema/types.js';
import { demoSchema } from '../src/seed/demo-schema.js';
import { createTestDatabase, DIALECTS } from './helpers/databases.js';
import { DEMO_SOURCE, DEMO_TYPES_FILE, EDGE_SOURCE, EDGE_TYPES_FILE, edgeSchema } from './generate-types-fixtures.js';

/** The generated property line of one field of a one-field page type. */
function lineFor(field: FieldDef, extra: SchemaDocument = {}): string {
  const text = generateTypes({ ...extra, page_types: { t: { name: 'T', fields: { f: field } } } });
  const body = /export interface T \{\n([\s\S]*?)\n\}/.exec(text)![1]!;
  return body
    .split('\n')
    .filter((l) => !l.trim().startsWith('/**'))
    .join('\n')
    .trim();
}

/** The kept file, or (with UPDATE_TYPES=1) the file written anew. */
function kept(file: string, text: string): string {
  if (process.env.UPDATE_TYPES === '1') fs.writeFileSync(file, text);
  return fs.readFileSync(file, 'utf8');
}

describe('generateTypes: field values as the API returns them (docs/api.md §3)', () => {
  it.each<[string, FieldDef, string]>([
    ['short_text', { type: 'short_text' }, 'f: string;'],
    ['long_text', { type: 'long_text' }, 'f: string;'],
    ['wysiwyg', { type: 'wysiwyg' }, 'f: string;'],
    ['html', { type: 'html' }, 'f: string;'],
    ['markdown', { type: 'markdown' }, 'f: string;'],
    ['date', { type: 'date' }, 'f: string;'],
    ['color', { type: 'color' }, 'f: string;'],
    ['media', { type: 'media' }, 'f: string;'],
    ['number (empty is null)', { type: 'number', min: 1 }, 'f: number | null;'],
    ['checkbox', { type: 'checkbox' }, 'f: boolean;'],
    ['dropdown (empty is "")', { type: 'dropdown', options: ['a', 'b c'] }, 'f: "a" | "b c" | "";'],
  ])('%s', (_name, field, line) => {
    expect(lineFor(field)).toBe(line);
  });

  const collection: SchemaDocument = {
    collections: { brands: { name: 'Brands', fields: { name: { type: 'short_text' } } } },
  };
  it('references: the target, its URI string at the last level, null when empty; many: arrays without null', () => {
    expect(lineFor({ type: 'reference', to: 'collection:brands' }, collection)).toBe('f: BrandsItem | string | null;');
    expect(lineFor({ type: 'reference', to: 'collection:brands', many: true }, collection)).toBe(
      'f: (BrandsItem | string)[];',
    );
    expect(lineFor({ type: 'reference', to: 'page_type:t' })).toBe('f: GheePage<T, "t"> | string | null;');
    expect(lineFor({ type: 'reference', to: 'page_type:t', many: true })).toBe('f: (GheePage<T, "t"> | string)[];');
  });

  it('collection items carry meta (id and timing); the page object types its fields and page type', () => {
    const text = generateTypes(collection);
    expect(text).toContain('export interface BrandsItem {\n  name: string;\n  meta: GheeItemMeta;\n}');
    expect(text).toContain('export interface GheePage<Fields, PageType extends string | null = string | null> {');
    expect(text).toMatch(
      / {2}page_type: PageType;\n.*\n {2}scheduled: string \| null;\n {2}status: "published" \| "draft" \| "scheduled";\n.*\n {2}unpublish_at\?: string \| null;\n {2}fields: Fields;/,
    );
  });

  const seo: SchemaDocument = {
    components: {
      seo: { fields: { title: { type: 'short_text' } } },
      cta: { name: 'CTA', fields: { url: { type: 'short_text' } } },
    },
  };
  it('components: their interface; a picker: a union discriminated by type', () => {
    expect(lineFor({ type: 'component', component: 'seo' }, seo)).toBe('f: SeoComponent;');
    expect(lineFor({ type: 'component_picker', components: ['seo', 'cta'] }, seo)).toBe(
      'f: ({ type: "seo"; fields: SeoComponent } | { type: "cta"; fields: CtaComponent })[];',
    );
    expect(generateTypes(seo)).toContain(
      '/** The component "CTA" (`cta`). */\nexport interface CtaComponent {\n  url: string;\n}',
    );
  });

  it('repeaters: an array of a row interface named after its owner and field, in components too', () => {
    const text = generateTypes({
      components: { features: { fields: { parts: { type: 'repeater', fields: { ok: { type: 'checkbox' } } } } } },
      page_types: {
        guide: {
          name: 'Guide',
          fields: {
            steps: { type: 'repeater', fields: { n: { type: 'number' } } },
            body: { type: 'component_picker', components: ['features'] },
          },
        },
      },
    });
    expect(text).toContain('  steps: GuideStepsRow[];');
    expect(text).toContain(
      '/** A row of the repeater Guide.steps. */\nexport interface GuideStepsRow {\n  n: number | null;\n}',
    );
    expect(text).toContain('export interface FeaturesComponent {\n  parts: FeaturesComponentPartsRow[];\n}');
    expect(text).toContain(
      '/** A row of the repeater FeaturesComponent.parts. */\nexport interface FeaturesComponentPartsRow {\n  ok: boolean;\n}',
    );
  });

  it('maps by key, the locales, help text and notes as doc comments', () => {
    const text = generateTypes(demoSchema);
    expect(text).toContain('export interface PageTypes {\n  landing_page: LandingPage;\n}');
    expect(text).toContain('export interface SinglePages {\n  homepage: Homepage;\n}');
    expect(text).toContain('export interface Collections {\n  categories: CategoriesItem;\n  brands: BrandsItem;\n}');
    expect(text).toContain('export type Locale = "en" | "es";');
    expect(generateTypes({})).toContain('export type Locale = string;');
    expect(lineFor({ type: 'short_text', help_text: 'Shown */ big' })).toBe('f: string;');
    expect(
      generateTypes({
        page_types: { t: { name: 'T', fields: { f: { type: 'short_text', help_text: 'Shown */ big\nhere' } } } },
      }),
    ).toContain('  /** Shown *\\/ big here */\n  f: string;');
  });

  it("names: collisions get a kind suffix, globals and the file's own names are never taken", () => {
    const text = generateTypes(edgeSchema);
    for (const name of [
      'LandingPage',
      'LandingPagePageType',
      'LandingPageSinglePage',
      'DatePageType',
      'PageTypesPageType',
      'Page404',
      'DateItem',
      'ArrayComponent',
    ]) {
      expect(text).toContain(`export interface ${name} {`);
    }
    expect(text).not.toMatch(/export interface (Date|Array|PageTypes) \{\n {2}[a-z]/);
    expect(text).toContain('  "landing-page": LandingPage;');
    expect(text).toContain('  mood: "say \\"hi\\"" | "back\\\\slash" | "it\'s" | "";');
    expect(text).toContain('/** The fields of the single page "Not "found"" (`404`). */');
  });

  it('is pure: the same document gives the same text', () => {
    expect(generateTypes(edgeSchema, { source: 'x' })).toBe(
      generateTypes(structuredClone(edgeSchema), { source: 'x' }),
    );
  });

  it('the kept files for the demo and the edge schema are what the generator makes', () => {
    const demo = generateTypes(demoSchema, { source: DEMO_SOURCE });
    expect(kept(DEMO_TYPES_FILE, demo), 'run UPDATE_TYPES=1 npx vitest run test/generate-types.test.ts').toBe(demo);
    const edge = generateTypes(edgeSchema, { source: EDGE_SOURCE });
    expect(kept(EDGE_TYPES_FILE, edge), 'run UPDATE_TYPES=1 npx vitest run test/generate-types.test.ts').toBe(edge);
  });
});

describe.each(DIALECTS)('ghee types generate (%s)', (dialect) => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function workspace() {
    const database = await createTestDatabase(dialect);
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ghee-types-'));
    cleanups.push(async () => {
      await database.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    });
    return async (...argv: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const io: CliIo = {
        out: (t) => out.push(t),
        err: (t) => err.push(t),
        env: {},
        config: loadConfig({}, { databaseUrl: database.url, dataDir }),
      };
      const code = await main(argv, io);
      return { code, stdout: out.join('\n'), stderr: err.join('\n'), writes: out.length };
    };
  }

  it("prints the interfaces of the account's schema as one document on stdout", async () => {
    const ghee = await workspace();
    expect((await ghee('seed', 'demo')).code).toBe(0);
    const result = await ghee('types', 'generate');
    expect(result).toMatchObject({ code: 0, stderr: '', writes: 1 });
    expect(result.stdout).toBe(fs.readFileSync(DEMO_TYPES_FILE, 'utf8'));
    expect((await ghee('types', 'generate', '--account', '1')).stdout).toBe(result.stdout);
  });

  it('an applied schema round-trips: the export generates what the document does', async () => {
    const ghee = await workspace();
    expect((await ghee('account', 'create', '--name', 'Edge', '--locales', 'en,fr-ca')).code).toBe(0);
    const file = path.join(os.tmpdir(), `ghee-edge-${process.pid}-${dialect}.json`);
    fs.writeFileSync(file, JSON.stringify(edgeSchema));
    cleanups.push(() => fs.rmSync(file, { force: true }));
    const applied = await ghee('schema', 'apply', file);
    expect(applied.stderr).toBe('');
    expect(applied.code).toBe(0);
    expect((await ghee('types', 'generate')).stdout).toBe(fs.readFileSync(EDGE_TYPES_FILE, 'utf8'));
  });

  it('refuses wrong arguments (exit 2) and an unknown or ambiguous account (exit 1)', async () => {
    const ghee = await workspace();
    await ghee('seed', 'demo');
    await ghee('seed', 'demo', '--name', 'Second');
    for (const argv of [
      ['types'],
      ['types', 'make'],
      ['types', 'generate', '--acount', '1'],
      ['types', 'generate', 'extra'],
      ['types', 'generate', '--account', 'x'],
    ]) {
      const result = await ghee(...argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stderr).toContain('ghee types generate [--account ID]');
      expect(result.stdout).toBe('');
    }
    const unknown = await ghee('types', 'generate', '--account', '99');
    expect(unknown).toMatchObject({ code: 1, stdout: '', stderr: 'No account with id 99' });
    const ambiguous = await ghee('types', 'generate');
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stderr).toContain('Several accounts exist; choose one with --account ID');
    const second = await ghee('types', 'generate', '--account', '2');
    expect(second.stdout).toContain('// Generated by `ghee types generate` from account 2 (Second).');
  });
});
