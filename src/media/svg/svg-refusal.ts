/**
 * Why an SVG file is not taken, as the sanitiser's thread reports it (an Error does not cross
 * threads intact); svg-pool.ts turns it into the user's message.
 */
export type SvgRefusal =
  | { reason: 'encoding' }
  | { reason: 'entities' }
  | { reason: 'malformed'; where: string }
  | { reason: 'root' }
  | { reason: 'depth' | 'elements' | 'attributes'; max: number }
  | { reason: 'empty' }
  | { reason: 'failed' };

/** What sanitising one file gives: the clean SVG text, or why there is none. */
export type SvgOutcome = { svg: string } | { refused: SvgRefusal };

/** One file to sanitise, with the limits of the text scan (svg-limits.ts). */
export interface SvgTask {
  bytes: Uint8Array;
  maxDepth: number;
  maxElements: number;
  maxAttributes: number;
}
