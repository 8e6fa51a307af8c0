// The client pointed at a real Ghee server (the demo account, on a real socket).
import Butter, { ButterCMSError, type ClientOptions, type GheeClient } from '../../src/index.js';
import type { SocketServer } from '../../../test/helpers/socket-server.js';

/** A client with the demo read token for reads and its write token for writes. */
export function gheeClient(server: SocketServer, options: ClientOptions = {}): GheeClient {
  return Butter(server.demo.read_token, {
    baseUrl: `${server.url}/v2`,
    writeToken: server.demo.write_token,
    timeout: 10_000,
    ...options,
  });
}

/** The error a call rejects with; fails the test when it resolves. */
export async function rejection(call: Promise<unknown>): Promise<ButterCMSError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof ButterCMSError) return error;
    throw error;
  }
  throw new Error('the call succeeded; a ButterCMSError was expected');
}

/** Every field of the demo's landing_page type, as a page create needs them (README's example). */
export function landingFields(headline: string): Record<string, unknown> {
  return {
    headline,
    summary: '',
    body: '<p>20% off</p>',
    notes: '',
    embed: '',
    hero_image: '',
    theme: '#ff8800',
    launch_date: '2026-03-20',
    priority: 50,
    featured: true,
    layout: 'wide',
    seo: { title: headline, description: '' },
    sections: [],
    faq: [],
    related: ['launch'],
    brand: '',
  };
}
