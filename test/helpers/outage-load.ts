// Continuous load for outage tests: a few clients loop over reads and writes against one or more
// Ghee addresses and keep every answer, so a test can check what clients saw during an outage.

/** The 503 every request gets while the database is away. */
export const UNAVAILABLE = 'The database is unavailable right now. Please try again in a few seconds.';

export interface Answer {
  at: number;
  method: string;
  /** The HTTP status, or what happened instead: the connection was reset, or no answer came. */
  status: number | 'reset' | 'hang';
  contentType: string | null;
  retryAfter: string | null;
  body: unknown;
}

export interface Tokens {
  read: string;
  write: string;
}

/** A POST of a brand named `name` (202 when it is saved). */
export function postBrand(base: string, token: string, name: string): Promise<Response> {
  return fetch(`${base}/v2/content/brands/`, {
    method: 'POST',
    headers: { authorization: `Token ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ status: 'published', fields: [{ name }] }),
    signal: AbortSignal.timeout(20_000),
  });
}

/** Every brand name stored, read page by page through `base`. */
export async function brandNames(base: string, token: string): Promise<Set<string>> {
  const names = new Set<string>();
  for (let page = 1; ; page++) {
    const r = await fetch(`${base}/v2/content/brands/?page_size=100&page=${page}&auth_token=${token}`);
    if (r.status !== 200) throw new Error(`brands page ${page}: ${r.status}`);
    const body = (await r.json()) as { meta: { next_page: number | null }; data: { brands: { name: string }[] } };
    for (const b of body.data.brands) names.add(b.name);
    if (!body.meta.next_page) return names;
  }
}

/** True for what a client may see during an outage: a success, or the JSON 503 with Retry-After. */
export function acceptable(a: Answer): boolean {
  if (a.status === 200 || a.status === 202) return true;
  return (
    a.status === 503 &&
    a.retryAfter === '2' &&
    a.contentType === 'application/json; charset=utf-8' &&
    JSON.stringify(a.body) === JSON.stringify({ detail: UNAVAILABLE })
  );
}

/** `clients` loops, round robin over `bases`, each doing a page read, a list read and a write in turn. */
export class Load {
  readonly answers: Answer[] = [];
  /** Brands whose POST was answered 202. */
  readonly acknowledged: string[] = [];
  private running = true;
  private readonly loops: Promise<void>[];

  constructor(
    private readonly bases: string[],
    private readonly tokens: Tokens,
    clients = 4,
  ) {
    this.loops = Array.from({ length: clients }, (_, n) => this.loop(n));
  }

  /** Answers since `at` (a time from Date.now()). */
  since(at: number): Answer[] {
    return this.answers.filter((a) => a.at >= at);
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }

  private async loop(n: number): Promise<void> {
    for (let i = 0; this.running; i++) {
      const base = this.bases[(n + i) % this.bases.length]!;
      const name = `load-${n}-${i}`;
      const step = i % 3;
      const at = Date.now();
      try {
        const r =
          step === 0
            ? await postBrand(base, this.tokens.write, name)
            : await fetch(`${base}/v2/${step === 1 ? 'pages/landing_page/launch/' : 'content/brands/?page_size=5'}`, {
                headers: { authorization: `Token ${this.tokens.read}` },
                signal: AbortSignal.timeout(20_000),
              });
        const text = await r.text();
        let body: unknown = text;
        try {
          body = JSON.parse(text);
        } catch {
          // kept as text: `acceptable` then refuses it
        }
        this.answers.push({
          at,
          method: step === 0 ? 'POST' : 'GET',
          status: r.status,
          contentType: r.headers.get('content-type'),
          retryAfter: r.headers.get('retry-after'),
          body,
        });
        if (step === 0 && r.status === 202) this.acknowledged.push(name);
        // Refused at once while the database is away: a short pause keeps the loop from hogging the CPU.
        if (r.status >= 300) await new Promise((resolve) => setTimeout(resolve, 20));
      } catch (error) {
        const status = (error as Error).name === 'TimeoutError' ? 'hang' : 'reset';
        this.answers.push({
          at,
          method: step === 0 ? 'POST' : 'GET',
          status,
          contentType: null,
          retryAfter: null,
          body: String(error),
        });
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  }
}
