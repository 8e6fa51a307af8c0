import { parseArgs } from 'node:util';
import { seedDemo } from '../seed/seed-demo.js';
import type { Store } from '../store/database.js';
import { usage, type CliIo } from './io.js';

export const USAGE = 'ghee seed demo [--name NAME] [--json]';

/** `ghee seed demo [--name NAME] [--json]`: a demo account with a schema and content. */
export async function seedCommand(args: string[], io: CliIo, store: Store): Promise<number> {
  const [what, ...rest] = args;
  let values;
  try {
    ({ values } = parseArgs({
      args: rest,
      options: { name: { type: 'string' }, json: { type: 'boolean' } },
      strict: true,
    }));
  } catch {
    throw usage(USAGE);
  }
  if (what !== 'demo') throw usage(USAGE);
  const account = await seedDemo(store, values.name ?? 'Demo');
  const { slug: _slug, ...shown } = account;
  io.out(
    values.json
      ? JSON.stringify(shown)
      : `demo account ${account.id}\nread token:  ${account.read_token}\nwrite token: ${account.write_token}`,
  );
  return 0;
}
