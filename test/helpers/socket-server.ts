import type { FastifyInstance } from 'fastify';
import type { CreatedAccount } from '../../src/accounts/accounts.js';
import { loadConfig } from '../../src/config.js';
import { seedDemo } from '../../src/seed/seed-demo.js';
import { createServer } from '../../src/server.js';
import { freshStore, type DialectUnderTest, type TestStore } from './databases.js';

export interface SocketServer {
  app: FastifyInstance;
  store: TestStore;
  demo: CreatedAccount;
  /** The bound address, e.g. http://127.0.0.1:41234 (also the config's publicUrl). */
  url: string;
  close(): Promise<void>;
}

/**
 * The real app on a fresh database of the given dialect, with the demo account seeded,
 * listening on a free port of 127.0.0.1. `publicUrl` is the bound address (docs/api.md §10).
 */
export async function demoSocketServer(dialect: DialectUnderTest): Promise<SocketServer> {
  const store = await freshStore(dialect);
  try {
    const demo = await seedDemo(store);
    // publicUrl is only known once bound; the config object is read per request, so set it after listen.
    const config = loadConfig(
      {},
      { port: 0, host: '127.0.0.1', dataDir: '/nonexistent', databaseUrl: 'unused', logLevel: 'silent' },
    );
    const { app } = await createServer(config, { store, logger: false });
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    config.publicUrl = url;
    return {
      app,
      store,
      demo,
      url,
      async close() {
        await app.close();
        await store.close();
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}
