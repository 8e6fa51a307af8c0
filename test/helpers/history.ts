import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { issueToken } from '../../src/accounts/manage-tokens.js';
import { createAccount } from '../../src/accounts/accounts.js';
import { cliActor } from '../../src/audit/actor.js';
import type { CliIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { loadConfig } from '../../src/config.js';
import { demoSchema } from '../../src/seed/demo-schema.js';
import type { SchemaDocument } from '../../src/content/schema/types.js';
import { applySchema } from '../../src/content/schema/apply-schema.js';
import { landingBody } from './landing-body.js';
import { PUBLIC_URL, type Reply, type TestServer } from './server.js';

// What the version history suites share (docs/api.md §12.1): pages written several times,
// labelled tokens, another account, schema changes and the CLI run against the test server's database.

/** A landing page created published, then saved once more per headline (each a new version). */
export async function pageWithVersions(s: TestServer, slug: string, headlines: string[], token?: string) {
  const created = await s.send('POST', '/v2/pages/', landingBody(slug), token);
  if (created.status !== 202) throw new Error(`create ${slug}: ${JSON.stringify(created.body)}`);
  for (const headline of headlines) {
    const r = await s.send('PATCH', `/v2/pages/landing_page/${slug}/`, { fields: { headline } }, token);
    if (r.status !== 202) throw new Error(`patch ${slug}: ${JSON.stringify(r.body)}`);
  }
}

/** The versions of a /v2 path (`/v2/pages/landing_page/x/`), newest first, as listed with `query`. */
export async function versionsOf(s: TestServer, base: string, query = ''): Promise<Reply> {
  return s.get(`${base}versions/${query}`, s.demo.write_token);
}

/** The ids of a /v2 path's versions, newest first (the first page of up to 100). */
export async function versionIds(s: TestServer, base: string, query = ''): Promise<number[]> {
  const list = await versionsOf(s, base, `?page_size=100${query}`);
  return list.body.data.map((v: { id: number }) => v.id);
}

/** A new write token of the demo account with that label. */
export async function labelledWriteToken(s: TestServer, label: string): Promise<string> {
  return (await issueToken(s.store.db, s.demo.id, 'write', label, cliActor())).token;
}

/** Another account with a landing page of its own (so that it has versions), and its write token. */
export async function otherAccount(s: TestServer): Promise<{ id: number; writeToken: string }> {
  const other = await createAccount(s.store.db, { name: 'Other', plan: 'enterprise' });
  await applySchema(s.store.db, other.id, demoSchema);
  const r = await s.send('POST', '/v2/pages/', landingBody('theirs'), other.write_token);
  if (r.status !== 202) throw new Error(`other account page: ${JSON.stringify(r.body)}`);
  return { id: other.id, writeToken: other.write_token };
}

/** The demo schema with the landing page's fields changed by `change` (a copy; demoSchema stays). */
export function landingSchema(change: (fields: Record<string, unknown>) => void): SchemaDocument {
  const doc = structuredClone(demoSchema);
  change(doc.page_types!.landing_page!.fields as Record<string, unknown>);
  return doc;
}

/** Applies a schema document to the demo account, content loss allowed, as an admin would. */
export async function changeSchema(s: TestServer, doc: SchemaDocument): Promise<void> {
  await applySchema(s.store.db, s.demo.id, doc, { allowDataLoss: true });
}

/** Runs `ghee ...` in-process on the test server's database; its output and exit code. */
export async function ghee(s: TestServer, argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ghee-history-cli-'));
  const io: CliIo = {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    env: {},
    config: loadConfig({}, { databaseUrl: s.store.url, dataDir, publicUrl: PUBLIC_URL }),
  };
  try {
    const code = await main(argv, io);
    return { code, stdout: out.join('\n'), stderr: err.join('\n') };
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
