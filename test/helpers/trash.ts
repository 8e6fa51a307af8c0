import { expect } from 'vitest';
import type { SubjectKind } from '../../src/store/history-tables.js';
import type { Store } from '../../src/store/database.js';
import type { Reply, TestServer } from './server.js';

// The trash suites' shared steps: reads of a subject in every way a reader sees it, its history
// as stored, and its trash row found through GET /v2/trash/.

/** Every read of a page or item URL: each demo locale, published and preview. */
export async function everyRead(s: TestServer, url: string): Promise<Record<string, Pick<Reply, 'status' | 'body'>>> {
  const out: Record<string, Pick<Reply, 'status' | 'body'>> = {};
  for (const locale of ['en', 'es'])
    for (const preview of ['', '&preview=1']) {
      const r = await s.get(`${url}?locale=${locale}${preview}`);
      out[`${locale}${preview}`] = { status: r.status, body: r.body };
    }
  return out;
}

/** A subject's versions as stored, oldest first. */
export function historyOf(store: Store, accountId: number, kind: SubjectKind, subjectId: number) {
  return store.db
    .selectFrom('versions')
    .select(['id', 'locale', 'status', 'name', 'slug', 'fields', 'hash', 'created', 'restored_from'])
    .where('account_id', '=', accountId)
    .where('kind', '=', kind)
    .where('subject_id', '=', subjectId)
    .orderBy('id')
    .execute();
}

/** The trash row (as /v2 lists it) of the subject a test just deleted: the newest of its kind. */
export async function newestTrashRow(s: TestServer, kind: SubjectKind, token = s.demo.write_token) {
  const r = await s.get(`/v2/trash/?kind=${kind}&page_size=1`, token);
  expect(r.status).toBe(200);
  return r.body.data[0];
}

/** The audit records of one action on one subject, oldest first. */
export function auditOf(store: Store, accountId: number, action: string, targetId: number) {
  return store.db
    .selectFrom('audit_log')
    .select(['actor_type', 'actor_name', 'kind', 'target_id', 'target_slug', 'detail'])
    .where('account_id', '=', accountId)
    .where('action', '=', action)
    .where('target_id', '=', String(targetId))
    .orderBy('id')
    .execute();
}

/** An entry's id by its page slug. */
export async function entryIdOf(store: Store, accountId: number, slug: string): Promise<number> {
  const row = await store.db
    .selectFrom('entries')
    .select('id')
    .where('account_id', '=', accountId)
    .where('slug', '=', slug)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A POST /v2/pages/ body of a published landing page (every field of the type, as a create needs). */
export function landingPage(slug: string, headline: string): Record<string, unknown> {
  return {
    title: headline,
    slug,
    page_type: 'landing_page',
    status: 'published',
    fields: {
      headline,
      summary: '',
      body: '',
      notes: '',
      embed: '',
      hero_image: '',
      theme: '#ff8800',
      launch_date: '2026-03-20',
      priority: 50,
      featured: true,
      layout: 'wide',
      seo: { title: headline, description: '' },
      sections: [],
      faq: [],
      related: [],
      brand: '',
    },
  };
}
