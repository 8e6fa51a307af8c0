import type { Dialect } from './dialect.js';
import { postgresDialect } from './postgres.js';
import { sqliteDialect } from './sqlite.js';

/** Every dialect Ghee runs on. */
export const DIALECTS: readonly Dialect[] = [sqliteDialect, postgresDialect];
