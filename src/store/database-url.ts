/**
 * Checks a `DATABASE_URL` before anything is opened, so that a value that cannot work is one
 * message naming the setting rather than a driver's error: `sqlite:` needs a file, `postgres://`
 * a host (in the URL or as `?host=` for a Unix socket).
 */
export function checkDatabaseUrl(url: string): string {
  if (url.startsWith('sqlite:')) {
    if (url.slice('sqlite:'.length).trim() === '')
      throw new Error(
        'DATABASE_URL "sqlite:" names no file: write sqlite:<path of the database file>, e.g. sqlite:./data/ghee.db',
      );
    return url;
  }
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new Error(
        `DATABASE_URL ${JSON.stringify(maskedDatabaseUrl(url))} is not a valid URL: write postgres://user@host:5432/database`,
      );
    }
    if (parsed.hostname === '' && !parsed.searchParams.get('host')) {
      throw new Error(
        `DATABASE_URL ${JSON.stringify(maskedDatabaseUrl(url))} names no host: write postgres://user@host:5432/database`,
      );
    }
    return url;
  }
  const shown = url.includes(':') ? `${url.split(':')[0]}:` : url;
  throw new Error(`DATABASE_URL must be sqlite:<file> or postgres://user@host:5432/database, not "${shown}"`);
}

/** The URL as it may be printed: its password replaced by `***`. */
export function maskedDatabaseUrl(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:/?#@]*:)[^@/?#]*@/, '$1***@');
}
