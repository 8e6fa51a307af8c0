/**
 * A write failed for lack of room: SQLite's SQLITE_FULL (the disk, or its max_page_count),
 * PostgreSQL's disk_full, ENOSPC or EDQUOT in the media folder. Nothing was written (the
 * transaction rolled back, a half-written media file was removed). The HTTP boundary answers 507.
 */
export class StorageFullError extends Error {
  constructor(
    readonly where: 'database' | 'media',
    options: { cause: unknown },
  ) {
    super(
      `no room left to write (${where}): ${options.cause instanceof Error ? options.cause.message : String(options.cause)}`,
      options,
    );
    this.name = 'StorageFullError';
  }
}
