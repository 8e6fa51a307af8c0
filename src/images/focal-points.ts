import type { Kysely } from 'kysely';
import type { FocalPoint } from '../shared/media.js';
import type { Database } from '../store/tables.js';

/** Most names remembered; past it the oldest entry goes. */
const MAX_ENTRIES = 10_000;

/**
 * The focal points of library files, by stored name, for crops without an explicit align. /media
 * has no account, so the point is the one of the newest described row of that name (a file shared
 * by accounts has one row each). Answers are remembered for `ttlMs`, so the hot path needs no
 * database round trip and a changed point is seen within that time.
 */
export class FocalPoints {
  private readonly known = new Map<string, { point: FocalPoint | null; until: number }>();

  constructor(
    private readonly db: Kysely<Database> | null,
    private readonly ttlMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** The file's focal point, or null when it has none (or no row). */
  async get(name: string): Promise<FocalPoint | null> {
    const hit = this.known.get(name);
    if (hit && hit.until > this.now()) return hit.point;
    const point = await this.lookUp(name);
    this.known.delete(name);
    if (this.known.size >= MAX_ENTRIES) this.known.delete(this.known.keys().next().value!);
    this.known.set(name, { point, until: this.now() + this.ttlMs });
    return point;
  }

  private async lookUp(name: string): Promise<FocalPoint | null> {
    if (!this.db) return null;
    const row = await this.db
      .selectFrom('media')
      .select(['focal_x', 'focal_y'])
      .where('name', '=', name)
      .orderBy('updated', 'desc')
      .orderBy('created', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (row?.focal_x == null || row.focal_y == null) return null;
    return { x: clamp(row.focal_x), y: clamp(row.focal_y) };
  }
}

function clamp(n: number): number {
  return Math.min(1, Math.max(0, Number(n)));
}
