import pg from 'pg';

// Makes one test database's PostgreSQL "go away" without touching the shared server or any other
// database: its backends are terminated (what a restart, a failover or an idle timeout does to a
// client), and it can refuse new connections for a while. Superuser connections obey
// ALLOW_CONNECTIONS, unlike REVOKE CONNECT.

function nameOf(databaseUrl: string): string {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  if (!/^ghee_test_[0-9a-f]+$/.test(name)) throw new Error(`not a test database: ${name}`);
  return name;
}

async function onAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL! });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Terminates the backends connected to the database (pg_terminate_backend) but `keep`; returns how many. */
export function terminateBackends(databaseUrl: string, keep: number[] = []): Promise<number> {
  return onAdmin(async (client) => {
    const { rows } = await client.query<{ ok: boolean }>(
      'select pg_terminate_backend(pid) as ok from pg_stat_activity where datname = $1 and pid <> pg_backend_pid() and pid <> all($2::int[])',
      [nameOf(databaseUrl), keep],
    );
    return rows.filter((r) => r.ok).length;
  });
}

/** The database refuses new connections and loses the ones it has, until `allowConnections`. */
export async function refuseConnections(databaseUrl: string): Promise<void> {
  await onAdmin((client) => client.query(`alter database "${nameOf(databaseUrl)}" allow_connections false`));
  await terminateBackends(databaseUrl);
}

/** The database takes connections again. */
export async function allowConnections(databaseUrl: string): Promise<void> {
  await onAdmin((client) => client.query(`alter database "${nameOf(databaseUrl)}" allow_connections true`));
}
