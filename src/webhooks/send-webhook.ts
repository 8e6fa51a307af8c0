import type { IncomingMessage } from 'node:http';
import { MediaError } from '../media/media-error.js';
import { networkReason } from '../media/network-reason.js';
import { pinnedRequest } from '../media/pinned-request.js';
import { resolveHost } from '../media/resolve-host.js';
import { deliveryErrors } from '../errors/index.js';

/** Limits of one delivery attempt (issue 10: 5 s to connect, 10 s in all, 64 KB read). */
export const SEND_LIMITS = { connectTimeoutMs: 5_000, timeoutMs: 10_000, maxResponseBytes: 64 * 1024 } as const;

/** How an attempt went: the HTTP status when there was one, else why not. */
export interface SendResult {
  status: number | null;
  error: string | null;
  /** Worth trying again later: a timeout, a network error, 429 or 5xx. */
  retryable: boolean;
}

/**
 * POSTs a body to a webhook's URL: the address is checked against the SSRF policy and pinned
 * (see media/pinned-request.ts), redirects are not followed (a 3xx is a failed attempt), and at
 * most 64 KB of the answer is read, so a slow or huge answer cannot hold a dispatcher slot.
 */
export async function sendWebhook(
  url: string,
  headers: Record<string, string>,
  body: string,
  allowPrivate: boolean,
): Promise<SendResult> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), SEND_LIMITS.timeoutMs);
  try {
    const target = new URL(url);
    const address = await resolveHost(target.hostname, allowPrivate);
    controller.signal.throwIfAborted();
    const payload = Buffer.from(body);
    const response = await pinnedRequest(target, address, controller.signal, {
      method: 'POST',
      headers: { ...headers, 'content-length': String(payload.length) },
      body: payload,
      connectTimeoutMs: SEND_LIMITS.connectTimeoutMs,
    });
    const status = response.statusCode ?? 0;
    const text = await readSome(response, SEND_LIMITS.maxResponseBytes);
    if (status >= 200 && status <= 299) return { status, error: null, retryable: false };
    return {
      status,
      error: deliveryErrors.answered(status, text),
      retryable: status === 429 || status === 408 || status >= 500,
    };
  } catch (error) {
    if (controller.signal.aborted)
      return { status: null, error: deliveryErrors.timedOut(SEND_LIMITS.timeoutMs / 1000), retryable: true };
    // The SSRF policy refusing the address will not change by waiting: not retried.
    if (error instanceof MediaError && /private or loopback/.test(error.message)) {
      return { status: null, error: deliveryErrors.privateTarget(), retryable: false };
    }
    // The address lookup shares the media downloader's, whose texts speak of downloading a file.
    const reason = error instanceof MediaError ? 'host not found' : networkReason(error);
    return { status: null, error: deliveryErrors.unreachable(hostOf(url), reason), retryable: true };
  } finally {
    clearTimeout(timer);
  }
}

/** The host (and port, when not the scheme's) a URL names, for messages. */
function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the webhook URL';
  }
}

/** Up to `max` bytes of an answer as text; the rest is not read (the socket is closed). */
async function readSome(response: IncomingMessage, max: number): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of response as AsyncIterable<Buffer>) {
    chunks.push(chunk);
    total += chunk.length;
    if (total >= max) {
      response.destroy();
      break;
    }
  }
  return Buffer.concat(chunks).subarray(0, max).toString('utf8');
}
