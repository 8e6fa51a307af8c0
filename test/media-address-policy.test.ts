import { describe, expect, it } from 'vitest';
import { isPublicAddress } from '../src/media/address-policy.js';

// Which addresses a media download may connect to (docs/api.md §4): loopback, private,
// link-local, multicast and the IPv6 forms that embed them are refused.

const REFUSED = [
  '127.0.0.1',
  '127.255.255.254',
  '10.1.2.3',
  '172.16.0.1',
  '172.31.255.255',
  '192.168.1.1',
  '169.254.169.254',
  '100.64.0.1',
  '100.127.255.255',
  '0.0.0.0',
  '0.1.2.3',
  '224.0.0.1',
  '239.255.255.250',
  '255.255.255.255',
  '::',
  '::1',
  'fe80::1',
  'fe80::1%eth0',
  'fc00::1',
  'fd12:3456::1',
  'ff02::1',
  '::ffff:127.0.0.1',
  '::ffff:7f00:1',
  '::ffff:10.0.0.1',
  '::FFFF:192.168.0.1',
  '::ffff:169.254.169.254',
  '64:ff9b::a00:1',
  '2002:7f00:1::1',
  '::127.0.0.1',
  'localhost',
  'not an ip',
  '',
];

const ALLOWED = [
  '8.8.8.8',
  '1.1.1.1',
  '93.184.216.34',
  '172.15.255.255',
  '172.32.0.1',
  '100.63.255.255',
  '100.128.0.1',
  '11.0.0.1',
  '2606:4700:4700::1111',
  '2001:4860:4860::8888',
  '::ffff:8.8.8.8',
  '64:ff9b::808:808',
];

describe('address policy', () => {
  it.for(REFUSED)('refuses %s', (ip) => {
    expect(isPublicAddress(ip)).toBe(false);
  });

  it.for(ALLOWED)('allows %s', (ip) => {
    expect(isPublicAddress(ip)).toBe(true);
  });
});
