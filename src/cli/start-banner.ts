import type { Config } from '../config.js';
import type { Demo } from './demo-credentials.js';

/**
 * What `ghee start` prints once it listens. The read token and a curl command that works come on
 * every start (read tokens are meant to ship inside websites); the write token and the owner's
 * password only on the start that made them, since this output usually ends up in a log: later
 * starts say where they are kept.
 */
export function startBanner(config: Config, address: string, demo: Demo | null): string {
  const base = `${config.publicUrl}/v2`;
  const lines = ['', `  Ghee is running. API: ${base}/   (listening on ${address})`];
  if (demo) {
    const { credentials: c, madeNow } = demo;
    lines.push(`  Demo read token:  ${c.read_token}`);
    if (madeNow) lines.push(`  Demo write token: ${c.write_token}`);
    lines.push(
      '',
      '  Try it:',
      `    curl '${base}/pages/*/homepage/?auth_token=${c.read_token}'`,
      `    curl -H 'Authorization: Token ${c.read_token}' '${base}/pages/landing_page/?locale=es'`,
      '',
    );
    if (madeNow && c.admin_email) {
      lines.push(`  Dashboard: ${config.publicUrl}/admin/   sign in as ${c.admin_email} / ${c.admin_password}`);
      lines.push(`  (printed this once; kept in ${demo.file}, readable only by you)`);
    } else {
      lines.push(`  Dashboard: ${config.publicUrl}/admin/`);
      lines.push(`  The demo write token and the dashboard sign-in are in ${demo.file} (readable only by you).`);
    }
  }
  lines.push('', '  Stop with Ctrl-C.', '');
  return lines.join('\n');
}
