import type { Transaction } from 'kysely';
import type { Database } from '../../store/tables.js';
import { planLocale, type LocalePlan, type Timing, type TimedVersion, type EntryStatus } from './entry-schedule.js';

/**
 * The status plan of every locale a write touches (entry-schedule.ts), from the entry's newest
 * versions, read once. A locale the entry does not have yet follows another one's timing, as it
 * takes its status. Impossible asks become field errors through `add` (each reported once).
 */
export async function planEntry(
  trx: Transaction<Database>,
  w: { status?: EntryStatus },
  entryId: number,
  locales: string[],
  timing: Timing,
  now: string,
  add: (path: string, message: string) => void,
): Promise<Map<string, LocalePlan>> {
  const rows = await trx
    .selectFrom('entry_versions')
    .select(['locale', 'status', 'scheduled'])
    .where('entry_id', '=', entryId)
    .where('channel', '=', 'latest')
    .execute();
  const latest = new Map<string, TimedVersion>(rows.map((r) => [r.locale, r]));
  const plans = new Map<string, LocalePlan>();
  const reported = new Set<string>();
  for (const locale of locales) {
    const fallback = rows.find((r) => r.locale !== locale);
    const plan = planLocale(w.status, timing, latest.get(locale), fallback, now);
    if ('path' in plan) {
      if (!reported.has(plan.path)) add(plan.path, plan.message);
      reported.add(plan.path);
    } else plans.set(locale, plan);
  }
  return plans;
}
