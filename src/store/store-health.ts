/**
 * What a store has learnt about its database from its own work, for /readyz and the log: whether
 * the last write failed for lack of room (cleared by the next write that commits, such as the post
 * scheduler renewing its lease every few seconds), and a hook told of every lost connection.
 */
export class StoreHealth {
  private full = false;
  /** Told when a pooled connection breaks (PostgreSQL); the pool has already dropped it. */
  onConnectionLost: (error: Error) => void = () => {};

  /** True from a write refused for lack of room until a write commits again. */
  get diskFull(): boolean {
    return this.full;
  }

  noteFull(): void {
    this.full = true;
  }

  noteCommitted(): void {
    this.full = false;
  }
}
