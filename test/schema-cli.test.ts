import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { schemaCommand } from '../src/cli/schema-command.js';
import type { CliIo } from '../src/cli/io.js';
import { loadConfig } from '../src/config.js';
import { applySchema } from '../src/content/schema/apply-schema.js';
import { formatChanges } from '../src/content/schema/diff-schema.js';
import { DIALECTS } from './helpers/databases.js';
import { full, FULL_CHANGES, useSchemaStore } from './helpers/schema-apply.js';

// `ghee schema apply|export` (docs/schema.md, docs/api.md §10): the lines and JSON it prints,
// data loss refused without --allow-data-loss, and its exit codes.

const APPLY_USAGE = 'usage: ghee schema apply [--account ID] [--dry-run] [--allow-data-loss] [--json] FILE';
const EXPORT_USAGE = 'usage: ghee schema export [--account ID]';

describe.each(DIALECTS)('ghee schema (%s)', (dialect) => {
  const { store, newAccount, addEntry } = useSchemaStore(dialect);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ghee-schema-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, text: string) => {
    const at = path.join(dir, name);
    fs.writeFileSync(at, text);
    return at;
  };
  const run = async (args: string[]) => {
    const out: string[] = [];
    const io: CliIo = { out: (t) => void out.push(t), err: () => undefined, env: {}, config: loadConfig({}) };
    const code = await schemaCommand(args, io, store());
    return { code, out: out.join('\n') };
  };
  const failure = (args: string[]) =>
    run(args).then(
      () => undefined,
      (e: unknown) => e as { exitCode: number; message: string },
    );

  it('applies, dry-runs, reports JSON and exports', async () => {
    const id = String(await newAccount());
    const doc = file('full.json', JSON.stringify(full()));
    const dry = await run(['apply', '--account', id, '--dry-run', doc]);
    expect(dry).toEqual({ code: 0, out: [...FULL_CHANGES, 'dry run: nothing changed'].join('\n') });
    const dryJson = JSON.parse((await run(['apply', '--dry-run', '--json', '--account', id, doc])).out);
    expect(dryJson.applied).toBe(false);
    expect(dryJson.changes[2]).toEqual({ op: '+', path: 'components.seo', description: '2 fields', dataLoss: false });
    expect(formatChanges(dryJson.changes)).toEqual(FULL_CHANGES);
    const json = await run(['apply', doc, '--json', '--account', id]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.out)).toEqual({ changes: dryJson.changes, applied: true });
    expect(await run(['apply', '--account', id, doc])).toEqual({ code: 0, out: 'no changes\napplied' });
    const exported = await run(['export', '--account', id]);
    expect(exported).toEqual({ code: 0, out: JSON.stringify(full(), null, 2) });
  });

  it('refuses data loss without --allow-data-loss (exit 1) and applies it with', async () => {
    const id = await newAccount();
    await applySchema(store().db, id, full());
    await addEntry(id, 'collection', 'brands', ['en']);
    const doc = full();
    delete doc.collections!.brands!.fields.logo;
    const at = file('loss.json', JSON.stringify(doc));
    expect(await failure(['apply', '--account', String(id), at])).toMatchObject({
      exitCode: 1,
      message:
        'Refusing to apply: these changes would delete content:\n- collections.brands.fields.logo (media, 1 item)\nRun again with --allow-data-loss to apply them.',
    });
    expect(await run(['apply', '--account', String(id), '--allow-data-loss', at])).toEqual({
      code: 0,
      out: '- collections.brands.fields.logo (media, 1 item)\napplied',
    });
  });

  // FILE stands for a readable document; the usage printed depends on the subcommand.
  it.for<[string[], string]>([
    [['apply'], APPLY_USAGE],
    [['apply', 'FILE', 'FILE'], APPLY_USAGE],
    [['apply', '--force', 'FILE'], APPLY_USAGE],
    [['apply', '--account', 'x', 'FILE'], APPLY_USAGE],
    [['apply', '--account', '0', 'FILE'], APPLY_USAGE],
    [['export', 'extra'], EXPORT_USAGE],
    [[], `${APPLY_USAGE} | ghee schema export [--account ID]`],
    [['import'], `${APPLY_USAGE} | ghee schema export [--account ID]`],
  ])('exits 2 on bad usage: %j', async ([args, usage]) => {
    const doc = file('empty.json', '{}');
    expect(await failure(args.map((a) => (a === 'FILE' ? doc : a)))).toMatchObject({ exitCode: 2, message: usage });
  });

  it('exits 1 on an invalid, unreadable or non-JSON file, and on an unknown or ambiguous account', async () => {
    const id = String(await newAccount());
    // A second account, so that `export` without --account is ambiguous whatever ran before.
    await newAccount();
    const invalid = file('invalid.json', JSON.stringify({ page_types: { search: { name: 'S', fields: {} } } }));
    expect(await failure(['apply', '--account', id, invalid])).toMatchObject({
      exitCode: 1,
      message:
        'The schema document is invalid:\npage_types.search: "search" is reserved (it would shadow /v2/pages/search/)',
    });
    const missing = path.join(dir, 'missing.json');
    expect(await failure(['apply', '--account', id, missing])).toMatchObject({
      exitCode: 1,
      message: `Cannot read ${missing}: no such file`,
    });
    const broken = file('broken.json', '{"page_types": ');
    const error = await failure(['apply', '--account', id, broken]);
    expect(error?.exitCode).toBe(1);
    expect(error?.message.startsWith(`${broken} is not valid JSON: `)).toBe(true);
    expect(await failure(['export', '--account', '999999'])).toMatchObject({
      exitCode: 1,
      message: 'No account with id 999999',
    });
    const ambiguous = await failure(['export']);
    expect(ambiguous?.exitCode).toBe(1);
    expect(ambiguous?.message.split('\n')[0]).toBe('Several accounts exist; choose one with --account ID:');
  });
});
