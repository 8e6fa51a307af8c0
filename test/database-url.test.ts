import { describe, expect, it } from 'vitest';
import { checkDatabaseUrl, maskedDatabaseUrl } from '../src/store/database-url.js';

// DATABASE_URL checked before anything is opened (docs/operations.md): a value that cannot work
// is one message naming the setting, and a printed URL never shows its password.

const NO_FILE =
  'DATABASE_URL "sqlite:" names no file: write sqlite:<path of the database file>, e.g. sqlite:./data/ghee.db';

describe('checkDatabaseUrl', () => {
  it.for([
    'sqlite:./data/ghee.db',
    'sqlite:/var/lib/ghee/ghee.db',
    'sqlite::memory:',
    'postgres://ghee@db:5432/ghee',
    'postgresql://ghee:secret@127.0.0.1/ghee',
    'postgres:///ghee?host=/var/run/postgresql',
  ])('accepts %s as it is', (url) => {
    expect(checkDatabaseUrl(url)).toBe(url);
  });

  it.for<[string, string]>([
    ['sqlite:', NO_FILE],
    ['sqlite:   ', NO_FILE],
    ['postgres:///ghee', 'DATABASE_URL "postgres:///ghee" names no host: write postgres://user@host:5432/database'],
    [
      'postgres://ghee:secret@:5432/ghee',
      'DATABASE_URL "postgres://ghee:***@:5432/ghee" is not a valid URL: write postgres://user@host:5432/database',
    ],
    [
      'postgres://ghee:secret@db:port/ghee',
      'DATABASE_URL "postgres://ghee:***@db:port/ghee" is not a valid URL: write postgres://user@host:5432/database',
    ],
    ['mysql://ghee@db/ghee', 'DATABASE_URL must be sqlite:<file> or postgres://user@host:5432/database, not "mysql:"'],
    [
      './data/ghee.db',
      'DATABASE_URL must be sqlite:<file> or postgres://user@host:5432/database, not "./data/ghee.db"',
    ],
    ['', 'DATABASE_URL must be sqlite:<file> or postgres://user@host:5432/database, not ""'],
  ])('refuses %j', ([url, message]) => {
    expect(() => checkDatabaseUrl(url)).toThrow(new Error(message));
  });
});

describe('maskedDatabaseUrl', () => {
  it.for<[string, string]>([
    ['postgres://ghee:secret@db:5432/ghee', 'postgres://ghee:***@db:5432/ghee'],
    ['postgresql://ghee:p%40ss@db/ghee', 'postgresql://ghee:***@db/ghee'],
    ['postgres://:secret@db/ghee', 'postgres://:***@db/ghee'],
    ['postgres://ghee@db/ghee', 'postgres://ghee@db/ghee'],
    ['postgres://db/ghee', 'postgres://db/ghee'],
    ['sqlite:./data/ghee.db', 'sqlite:./data/ghee.db'],
  ])('%s is shown as %s', ([url, shown]) => {
    expect(maskedDatabaseUrl(url)).toBe(shown);
  });
});
