import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FieldDef } from '../src/content/schema/types.js';
import { DIALECTS } from './helpers/databases.js';
import { member, type AdminClient } from './helpers/admin.js';
import { write } from './helpers/content.js';
import { demoServer, type TestServer } from './helpers/server.js';

// `data_loss` of a field's type change means what it says (docs/schema.md): true exactly when a
// stored value would be lost or altered: it would read back differently, a write would no longer
// accept it, or the sanitiser would change it. The admin diff (a dry run) and the apply agree.

type Row = [name: string, from: FieldDef, value: unknown, to: FieldDef, loses: boolean];

const ROWS: Row[] = [
  ['plain text into rich text', { type: 'long_text' }, 'Hello world', { type: 'wysiwyg' }, false],
  [
    'text with a script into rich text',
    { type: 'long_text' },
    'Hi<script>alert(1)</script>',
    { type: 'wysiwyg' },
    true,
  ],
  ['text the sanitiser escapes into html', { type: 'short_text' }, 'Tom & Jerry', { type: 'html' }, true],
  ['an empty text into rich text', { type: 'long_text' }, '', { type: 'wysiwyg' }, false],
  ['a text that is a date into a date', { type: 'short_text' }, '2024-01-02', { type: 'date' }, false],
  ['a text that is no date into a date', { type: 'short_text' }, 'soon', { type: 'date' }, true],
  ['a numeric text into a number (it would read as null)', { type: 'short_text' }, '42', { type: 'number' }, true],
  ['a number into a text', { type: 'number' }, 5, { type: 'short_text' }, true],
  ['a checked checkbox into a text', { type: 'checkbox' }, true, { type: 'short_text' }, true],
  ['an unchecked checkbox into a text', { type: 'checkbox' }, false, { type: 'short_text' }, false],
  ['rich text into html', { type: 'wysiwyg' }, '<p>x &amp; y</p>', { type: 'html' }, false],
  ['rich text into long text', { type: 'wysiwyg' }, '<p>x</p>', { type: 'long_text' }, false],
  ['a choice into a text', { type: 'dropdown', options: ['calm'] }, 'calm', { type: 'short_text' }, false],
  ['a text into a choice it is not', { type: 'short_text' }, 'loud', { type: 'dropdown', options: ['calm'] }, true],
  ['an external media URL into a text', { type: 'media' }, 'https://cdn.example/a.png', { type: 'short_text' }, false],
  [
    'a repeater into a text',
    { type: 'repeater', fields: { q: { type: 'short_text' } } },
    [{ q: 'x' }],
    { type: 'short_text' },
    true,
  ],
  [
    'an empty repeater into a text',
    { type: 'repeater', fields: { q: { type: 'short_text' } } },
    [],
    { type: 'short_text' },
    false,
  ],
];

const typeKey = (i: number) => `t${i}`;
const line = (i: number) => `~ page_types.${typeKey(i)}.fields.f (${ROWS[i]![1].type} -> ${ROWS[i]![3].type})`;

describe.each(DIALECTS)('data loss of type changes (%s)', (dialect) => {
  let s: TestServer;
  let admin: AdminClient;
  let schemaUrl: string;
  let before: any;
  /** Line -> data_loss, from the admin diff of the document with every row's change. */
  let flagged: Map<string, boolean>;

  const changed = (rows: number[]) => {
    const doc = structuredClone(before);
    for (const i of rows) doc.page_types[typeKey(i)].fields.f = ROWS[i]![3];
    return doc;
  };

  beforeAll(async () => {
    s = await demoServer(dialect);
    admin = await member(s.app, s.store, s.demo.id, 'admin');
    schemaUrl = `/admin/api/accounts/${s.demo.id}/schema`;
    before = (await admin.get(schemaUrl)).body.data;
    ROWS.forEach(
      ([, from], i) =>
        (before.page_types[typeKey(i)] = { name: `T${i}`, fields: { f: from, other: { type: 'short_text' } } }),
    );
    before.page_types.untouched = {
      name: 'Untouched',
      fields: { f: { type: 'long_text' }, other: { type: 'short_text' } },
    };
    expect((await admin.request('PUT', schemaUrl, before)).status).toBe(200);
    for (const [i, [, , value]] of ROWS.entries()) {
      await write(s.store, s.demo.id, `page_type:${typeKey(i)}`, {
        slug: 'one',
        locale: 'en',
        status: 'published',
        fields: { f: value },
      });
    }
    // A page whose field was never given a value: there is nothing of it to lose.
    await write(s.store, s.demo.id, 'page_type:untouched', {
      slug: 'one',
      locale: 'en',
      status: 'published',
      fields: { other: 'x' },
    });
    const doc = changed(ROWS.map((_, i) => i));
    doc.page_types.untouched.fields.f = { type: 'number' };
    const diff = await admin.request('POST', `${schemaUrl}/diff`, doc);
    expect(diff.status).toBe(200);
    flagged = new Map(diff.body.data.map((c: any) => [c.line, c.data_loss]));
  });

  afterAll(async () => {
    await s?.close();
  });

  it.for(ROWS.map((row, i) => [row[0], i, row[4]] as const))('%s: data loss %s', ([, i, loses]) => {
    expect(flagged.get(line(i))).toBe(loses);
  });

  it('does not count a type change of a field no entry holds a value in', () => {
    expect(flagged.get('~ page_types.untouched.fields.f (long_text -> number)')).toBe(false);
  });

  it('applies changes that lose nothing without confirmation, and leaves their values as they were', async () => {
    const safe = ROWS.flatMap((row, i) => (row[4] ? [] : [i]));
    const res = await admin.request('PUT', schemaUrl, changed(safe));
    expect(res.status).toBe(200);
    expect(res.body.changes.map((c: any) => [c.line, c.data_loss])).toEqual(safe.map((i) => [line(i), false]));
    expect((await s.get(`/v2/pages/${typeKey(0)}/one/`)).body.data.fields.f).toBe('Hello world');
    before = (await admin.get(schemaUrl)).body.data;
  });

  it('refuses the changes that lose data without confirmation, naming exactly them', async () => {
    const losing = ROWS.flatMap((row, i) => (row[4] ? [i] : []));
    const refused = await admin.request('PUT', schemaUrl, changed(losing));
    expect(refused).toMatchObject({ status: 409, body: { detail: { errors: losing.map(line) } } });
    expect((await s.get(`/v2/pages/${typeKey(1)}/one/`)).body.data.fields.f).toBe('Hi<script>alert(1)</script>');
  });

  it('applies them with confirmation, sanitising what becomes rich text', async () => {
    const losing = ROWS.flatMap((row, i) => (row[4] ? [i] : []));
    expect((await admin.request('PUT', `${schemaUrl}?confirm=true`, changed(losing))).status).toBe(200);
    expect((await s.get(`/v2/pages/${typeKey(1)}/one/`)).body.data.fields.f).toBe('Hi');
    expect((await s.get(`/v2/pages/${typeKey(2)}/one/`)).body.data.fields.f).toBe('Tom &amp; Jerry');
  });
});
