import { messages } from '../../errors/index.js';

/** How much HTML one value may hold before sanitising it is refused (docs/security.md). */
export interface HtmlLimits {
  /** UTF-8 bytes of one value (HTML_MAX_BYTES). */
  maxBytes: number;
  /** Elements open inside one another, as the HTML parser counts them (HTML_MAX_DEPTH). */
  maxDepth: number;
}

/**
 * 1 MiB holds a book-length article, or a long Word document pasted with its markup; 256 levels
 * is ten times what editors and Word produce (and half the depth where Chromium's own parser
 * stops nesting). Past them, one value could keep a worker busy for seconds.
 */
export const DEFAULT_HTML_LIMITS: Readonly<HtmlLimits> = { maxBytes: 1024 * 1024, maxDepth: 256 };

// The limits in force, set once at start-up by the server and the CLI (configureHtmlLimits),
// so every write, import and schema change checks the same ones.
let current: Readonly<HtmlLimits> = DEFAULT_HTML_LIMITS;

/** The limits in force. */
export function htmlLimits(): Readonly<HtmlLimits> {
  return current;
}

/** Sets the limits in force (from HTML_MAX_BYTES and HTML_MAX_DEPTH). */
export function configureHtmlLimits(limits: HtmlLimits): void {
  current = { ...limits };
}

/** The field error for a value past a limit. */
export function limitMessage(outcome: { limit: 'size' | 'depth'; max: number }): string {
  return outcome.limit === 'size' ? messages.htmlTooLarge(outcome.max) : messages.htmlTooDeep(outcome.max);
}

/** HTML past a limit: the message is the field error a write answers with. */
export class HtmlLimitError extends Error {
  constructor(
    readonly limit: 'size' | 'depth',
    readonly max: number,
  ) {
    super(limitMessage({ limit, max }));
    this.name = 'HtmlLimitError';
  }
}
