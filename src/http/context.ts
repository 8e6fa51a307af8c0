import type { SchemaCache } from '../content/account-schema.js';
import type { ImageService } from '../images/image-service.js';
import type { MediaIngester } from '../media/media-ingester.js';
import type { MediaStore } from '../media/media-store.js';
import type { Meter } from '../quota/meter.js';
import type { ResponseCache } from '../cache/response-cache.js';
import type { CallerCache } from '../accounts/caller-cache.js';
import type { Caller } from '../accounts/find-caller.js';
import type { Config } from '../config.js';
import type { Store } from '../store/database.js';
import type { Clock } from '../time.js';
import type { ScheduleGate } from '../scheduling/schedule-gate.js';

/** Everything a request handler may use; built once per server. */
export interface AppContext {
  config: Config;
  store: Store;
  clock: Clock;
  schemas: SchemaCache;
  media: MediaStore;
  /** Counts API calls and enforces monthly quotas. */
  meter: Meter;
  /** Finished /v2 answers, evicted precisely on writes. */
  cache: ResponseCache;
  /** Downloads a media URL into the media store; absent, media URLs are stored as given. */
  ingestMedia?: MediaIngester;
  /** Transforms library images on /media URLs (src/images). */
  images: ImageService;
  /** The callers behind tokens, looked up again whenever the database may have changed. */
  callers: CallerCache;
  /** Applies a scheduled change that is due before a read shows the account's content. */
  schedule: ScheduleGate;
  /** Replaces `callers` in the benchmark only, to measure what authentication costs. */
  findCaller?: (token: string) => Promise<Caller | null>;
}
