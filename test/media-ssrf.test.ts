import https from 'node:https';
import type { AddressInfo } from 'node:net';
import tls from 'node:tls';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DOWNLOAD_TEXT, LOCAL, PUBLIC_ONLY, useDownloads } from './helpers/media-downloads.js';
import { PNG } from './helpers/media-samples.js';

// Media downloads cannot reach private networks (docs/api.md §4): the address is checked before
// connecting, the connection goes to the address checked (not to a second lookup), and every
// redirect hop is checked again.

// Test-only names: `*.test` never resolves for real, so a download of one that succeeds proves
// the request went to the address checked here, not to a second lookup.
const dnsAnswers = vi.hoisted(() => new Map<string, Array<{ address: string; family: number }>>());
vi.mock('node:dns/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:dns/promises')>();
  const lookup = async (host: string, options: object) => dnsAnswers.get(host) ?? real.lookup(host, options as never);
  return { ...real, lookup, default: { ...real, lookup } };
});

// Lets one test treat 127.0.0.1 as public, to show that every redirect hop is checked again.
const policy = vi.hoisted(() => ({ trustLoopback: false }));
vi.mock('../src/media/address-policy.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/media/address-policy.js')>();
  return { isPublicAddress: (ip: string) => (policy.trustLoopback && ip === '127.0.0.1') || real.isPublicAddress(ip) };
});

// A self-signed certificate for cdn.test (EC P-256, valid to 2126), only to watch the TLS handshake.
const TLS_KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQguiGBrW2aJdtg6KBW
XZ+bOgLZZ4/f1+Fjuw9o/HoqGuyhRANCAATO2wq+4rPL4v+rKmp4j+UezF3mO+cM
HUjkZ3sK2olImM8wpe4s6/aujbdSXAphvQzIULXQPeKXLyqx4OoHrg8H
-----END PRIVATE KEY-----`;
const TLS_CERT = `-----BEGIN CERTIFICATE-----
MIIBkTCCATigAwIBAgIUMW3Uu1w7wHfiZFILo244bn5HoPwwCgYIKoZIzj0EAwIw
EzERMA8GA1UEAwwIY2RuLnRlc3QwIBcNMjYxMTI1MTU0NDQzWhgPMjEyNjExMDEx
NTQ0NDNaMBMxETAPBgNVBAMMCGNkbi50ZXN0MFkwEwYHKoZIzj0CAQYIKoZIzj0D
AQcDQgAEztsKvuKzy+L/qypqeI/lHsxd5jvnDB1I5Gd7CtqJSJjPMKXuLOv2ro23
UlwKYb0MyFC10D3ily8qseDqB64PB6NoMGYwHQYDVR0OBBYEFOoS9Z7izxgcvbg8
GHYHsOwplo9VMB8GA1UdIwQYMBaAFOoS9Z7izxgcvbg8GHYHsOwplo9VMA8GA1Ud
EwEB/wQFMAMBAf8wEwYDVR0RBAwwCoIIY2RuLnRlc3QwCgYIKoZIzj0EAwIDRwAw
RAIgOisep4THcSU4RY1eGOIoQYuX9u8EbxgiR0KAGzl3P6UCIDaYQyeyfWdZyuHt
bf7T2zI+GzkJkQ8uxQZBP7kWu2Ib
-----END CERTIFICATE-----`;

/** Private addresses, each a url made from the origin's port (unknown before the origin starts). */
const PRIVATE: [string, (port: number, url: string) => string][] = [
  ['127.0.0.1', (_port, url) => `${url}/tiny.png`],
  ['localhost', (port) => `http://localhost:${port}/tiny.png`],
  ['[::1]', (port) => `http://[::1]:${port}/tiny.png`],
  ['10.x', () => 'http://10.0.0.1/tiny.png'],
  ['169.254.x (cloud metadata)', () => 'http://169.254.169.254/latest/meta-data/'],
  ['an IPv4-mapped IPv6 loopback', (port) => `http://[::ffff:127.0.0.1]:${port}/tiny.png`],
  ['a decimal IPv4 loopback', (port) => `http://2130706433:${port}/tiny.png`],
];

describe('media downloads and private addresses', () => {
  const downloads = useDownloads();
  const { fetched, failure } = downloads;

  afterEach(() => {
    dnsAnswers.clear();
    policy.trustLoopback = false;
  });

  it.for<[string, (port: number, url: string) => string]>(PRIVATE)(
    'refuses %s before connecting when private addresses are not allowed',
    async ([_label, url]) => {
      expect(await failure(url(downloads.origin.port, downloads.origin.url), PUBLIC_ONLY)).toBe(DOWNLOAD_TEXT.private);
      expect(downloads.origin.requests).toEqual([]);
    },
  );

  it('refuses a name whose addresses include a private one, even after a public one', async () => {
    dnsAnswers.set('mixed.test', [
      { address: '93.184.216.34', family: 4 },
      { address: '127.0.0.1', family: 4 },
    ]);
    expect(await failure(`http://mixed.test:${downloads.origin.port}/tiny.png`, PUBLIC_ONLY)).toBe(
      DOWNLOAD_TEXT.private,
    );
    expect(downloads.origin.requests).toEqual([]);
  });

  it('connects to the address it checked, keeping the hostname in the Host header', async () => {
    dnsAnswers.set('cdn.test', [{ address: '127.0.0.1', family: 4 }]);
    const media = await fetched(`http://cdn.test:${downloads.origin.port}/tiny.png`, LOCAL);
    expect(media.bytes).toEqual(PNG);
    expect(downloads.origin.requests).toEqual([{ path: '/tiny.png', host: `cdn.test:${downloads.origin.port}` }]);
  });

  it('sends the hostname as the TLS server name while connecting to the checked address', async () => {
    const servernames: Array<string | undefined> = [];
    const context = tls.createSecureContext({ key: TLS_KEY, cert: TLS_CERT });
    const server = https.createServer({ SNICallback: (name, done) => (servernames.push(name), done(null, context)) });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      dnsAnswers.set('cdn.test', [{ address: '127.0.0.1', family: 4 }]);
      const url = `https://cdn.test:${(server.address() as AddressInfo).port}/tiny.png`;
      // The certificate is self-signed, so the download fails, but only after the handshake.
      expect(await failure(url, LOCAL)).toBe('Could not download the file: TLS error');
      expect(servernames).toEqual(['cdn.test']);
    } finally {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    }
  });

  it('checks the address of every redirect hop again', async () => {
    policy.trustLoopback = true; // 127.0.0.1 counts as public here; 127.0.0.2 still does not
    expect(await failure(`${downloads.origin.url}/to-loopback`, PUBLIC_ONLY)).toBe(DOWNLOAD_TEXT.private);
    expect(downloads.origin.requests.map((r) => r.path)).toEqual(['/to-loopback']);
  });
});
