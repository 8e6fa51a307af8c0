import { afterAll, beforeAll } from 'vitest';
import { createTestDatabase, type DialectUnderTest, type TestDatabase } from '../../helpers/databases.js';

/**
 * The environment that puts a useDashboard suite on `dialect`: for PostgreSQL a fresh database,
 * created before the server starts and dropped after it stopped. Call it before useDashboard:
 * its beforeAll runs first and its afterAll last (vitest runs after-hooks as a stack), and
 * useDashboard reads the object only when its own beforeAll starts the server.
 */
export function useDialectEnv(dialect: DialectUnderTest): Record<string, string> {
  const env: Record<string, string> = {};
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    if (dialect !== 'postgres') return;
    database = await createTestDatabase('postgres');
    env.DATABASE_URL = database.url;
  });
  afterAll(() => database?.drop());
  return env;
}
