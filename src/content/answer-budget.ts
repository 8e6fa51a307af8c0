import { errors } from '../errors/index.js';

/** How much one read answer may hold (ANSWER_MAX_NODES, ANSWER_MAX_BYTES; docs/security.md). */
export interface AnswerLimits {
  /** Pages and items in the answer, each counted every time it appears (expanded or as a URI). */
  answerMaxNodes: number;
  /** The answer's JSON size in bytes (UTF-8). */
  answerMaxBytes: number;
}

/**
 * The running count of what an answer will contain, charged before the work is done: nodes
 * before a level's references are fetched, bytes as each object is shaped. Past a limit the
 * read stops with a 400 that names it, before the answer is built or serialised.
 */
export class AnswerBudget {
  private nodes = 0;
  private bytes = 0;

  constructor(private readonly limits: AnswerLimits) {}

  /** Counts `n` more pages, items or reference URIs. */
  addNodes(n: number): void {
    this.nodes += n;
    if (this.nodes > this.limits.answerMaxNodes) throw errors.answerTooManyNodes(this.limits.answerMaxNodes);
  }

  /** Counts `n` more bytes of JSON. */
  addBytes(n: number): void {
    this.bytes += n;
    if (this.bytes > this.limits.answerMaxBytes) throw errors.answerTooManyBytes(this.limits.answerMaxBytes);
  }
}
