/**
 * How much work one SVG file may cost before it is refused (docs/security.md, SVG). An SVG is
 * parsed whole into a DOM (jsdom) to be sanitised, and jsdom's cost per element grows with its
 * depth and per attribute with the element's attribute count: measured here, 50,000 elements at
 * depth 64 take about 5 s of a thread, which is why the counts are checked on the text first.
 */
export interface SvgLimits {
  /** Bytes of one SVG file (SVG_MAX_BYTES). */
  maxBytes: number;
  /** Elements open inside one another. */
  maxDepth: number;
  /** Elements in the whole file. */
  maxElements: number;
  /** Attributes of one element. */
  maxAttributes: number;
  /** Time one file may take to sanitise once a thread has it, in milliseconds. */
  timeoutMs: number;
  /** Files sanitised at once (each on its own thread). */
  threads: number;
  /** Files waiting for a thread before more are refused (503 `svg_busy`). */
  queue: number;
}

/**
 * 2 MB holds a detailed illustration or map; 64 levels and 64 attributes are several times what
 * drawing tools write; 10 s is twice the worst case the other limits allow.
 */
export const DEFAULT_SVG_LIMITS: Readonly<SvgLimits> = {
  maxBytes: 2 * 1024 * 1024,
  maxDepth: 64,
  maxElements: 50_000,
  maxAttributes: 64,
  timeoutMs: 10_000,
  threads: 2,
  queue: 16,
};

// Set once at start-up by the server and the CLI (configureSvgLimits), as the HTML limits are.
let current: Readonly<SvgLimits> = DEFAULT_SVG_LIMITS;

/** The limits in force. */
export function svgLimits(): Readonly<SvgLimits> {
  return current;
}

/** Sets the limits in force; what is not given keeps its default. */
export function configureSvgLimits(limits: Partial<SvgLimits>): void {
  current = { ...DEFAULT_SVG_LIMITS, ...limits };
}
