import { importMessages } from '../errors/index.js';

/**
 * A JSON answer of the source, read loosely: the importer checks each value where it uses it
 * (value-shapes.ts), since a ButterCMS account's answers are only as regular as its history.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type SourceJson = any;

/** Where the source is and how patient to be with it. */
export interface SourceOptions {
  /** The read API's base, e.g. https://api.buttercms.com/v2 (no trailing slash needed). */
  baseUrl: string;
  token: string;
  /** Longest wait honoured from one Retry-After, in seconds (a longer one is cut to this). */
  maxWaitSeconds?: number;
  /** Told about each wait, so the user sees why nothing moves. */
  onWait?: (seconds: number, path: string) => void;
  /** Counts every request made (the progress bar's estimate). */
  onRequest?: () => void;
}

/** The source answered something other than the content asked for. */
export class SourceError extends Error {}

/** A Ghee source refused a page of a list as too large an answer (its ANSWER_MAX_* budget). */
class AnswerTooLarge extends SourceError {}

const RETRIES = 5;
const PAGE_SIZE = 100;

/**
 * A client of a ButterCMS-compatible read API (ButterCMS itself, or another Ghee): GETs with the
 * token in `auth_token`, honouring Retry-After on 429 and 503 (capped, a few times), and
 * following page/page_size pagination to the end.
 */
export class ButterSource {
  private readonly base: string;

  constructor(private readonly options: SourceOptions) {
    this.base = options.baseUrl.replace(/\/+$/, '');
  }

  /** Where a Ghee source serves its media: the base without its `/v2` (`/media/...` goes after it). */
  get mediaBase(): string {
    return this.base.replace(/\/v2$/, '');
  }

  /** One GET; `path` starts after the base (`/posts/`), parameters with undefined values are left out. */
  async get(path: string, params: Record<string, string | number | undefined> = {}): Promise<SourceJson> {
    const url = new URL(this.base + path);
    url.searchParams.set('auth_token', this.options.token);
    for (const [key, value] of Object.entries(params))
      if (value !== undefined) url.searchParams.set(key, String(value));
    for (let attempt = 0; ; attempt++) {
      this.options.onRequest?.();
      const res = await fetch(url, { headers: { accept: 'application/json', 'x-butter-client': 'ghee-import' } });
      if ((res.status === 429 || res.status === 503) && attempt < RETRIES) {
        const wait = retryAfterSeconds(res.headers.get('retry-after'), attempt);
        const capped = Math.min(wait, this.options.maxWaitSeconds ?? 120);
        this.options.onWait?.(capped, path);
        await res.body?.cancel();
        await new Promise((resolve) => setTimeout(resolve, capped * 1000));
        continue;
      }
      const text = await res.text();
      if (res.status === 404) return null;
      if (res.status === 400 && isAnswerTooLarge(text))
        throw new AnswerTooLarge(importMessages.sourceAnswered(path, res.status, text));
      if (!res.ok) throw new SourceError(importMessages.sourceAnswered(path, res.status, text));
      try {
        return JSON.parse(text);
      } catch {
        throw new SourceError(importMessages.sourceNotJson(path));
      }
    }
  }

  /**
   * Every element of a paginated list; `pick` takes the array out of an answer (`data` by default).
   * A page a Ghee source refuses as too large is asked for again in smaller pages.
   */
  async all(
    path: string,
    params: Record<string, string | number | undefined> = {},
    pick: (body: SourceJson) => unknown[] = (b) => b.data,
  ): Promise<SourceJson[]> {
    const out: SourceJson[] = [];
    let size = PAGE_SIZE;
    for (let page = 1; ; page++) {
      let body: SourceJson;
      try {
        body = await this.get(path, { ...params, page, page_size: size });
      } catch (error) {
        if (!(error instanceof AnswerTooLarge) || size === 1) throw error;
        size = smallerPageSize(size, out.length);
        page = out.length / size; // the loop's increment makes it the page after what is read
        continue;
      }
      if (body === null) return out;
      out.push(...(pick(body) ?? []));
      const next = body.meta?.next_page;
      if (typeof next !== 'number' || next <= page) return out;
    }
  }
}

function isAnswerTooLarge(text: string): boolean {
  try {
    const detail = (JSON.parse(text) as { detail?: unknown }).detail;
    return typeof detail === 'string' && detail.startsWith('Answer too large');
  } catch {
    return false;
  }
}

/** At most half of `size`, dividing `done` so that the next page starts right after it. */
function smallerPageSize(size: number, done: number): number {
  let smaller = Math.floor(size / 2);
  while (done % smaller !== 0) smaller--;
  return smaller;
}

/** Seconds to wait: the header's seconds or HTTP date, else a growing default. */
function retryAfterSeconds(header: string | null, attempt: number): number {
  if (header) {
    const seconds = Number(header);
    if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
    const date = Date.parse(header);
    if (!Number.isNaN(date)) return Math.max(0, Math.ceil((date - Date.now()) / 1000));
  }
  return 2 ** attempt;
}
