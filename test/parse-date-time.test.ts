import { describe, expect, it } from 'vitest';
import { parseDateTime } from '../src/blog/write/parse-date-time.js';

// A post's `scheduled` date-time (docs/api.md §6): ISO 8601 with a zone, kept as UTC with six
// fractional digits; days that do not exist and times out of range are refused, not rolled over.

describe('parseDateTime', () => {
  it.for<[string, string]>([
    ['2026-05-17T09:00:00Z', '2026-05-17T09:00:00.000000Z'],
    ['2026-05-17T09:00:00+02:00', '2026-05-17T07:00:00.000000Z'],
    ['2026-05-17T09:00:00-05:30', '2026-05-17T14:30:00.000000Z'],
    ['2026-05-17T09:00Z', '2026-05-17T09:00:00.000000Z'],
    ['2026-05-17T09:00:00.5Z', '2026-05-17T09:00:00.500000Z'],
    ['2026-05-17T09:00:00.123456Z', '2026-05-17T09:00:00.123000Z'],
    ['2026-05-17T23:59:59+00:00', '2026-05-17T23:59:59.000000Z'],
    ['2026-05-17T00:30:00+01:00', '2026-05-16T23:30:00.000000Z'],
    ['2024-02-29T12:00:00Z', '2024-02-29T12:00:00.000000Z'],
    ['2026-12-31T23:00:00-02:00', '2027-01-01T01:00:00.000000Z'],
  ])('%s is %s', ([raw, stored]) => {
    expect(parseDateTime(raw)).toBe(stored);
  });

  it.for<[string, string]>([
    ['a day February does not have', '2026-02-30T09:00:00Z'],
    ['February 29 outside a leap year', '2023-02-29T09:00:00Z'],
    ['month 13', '2026-13-01T09:00:00Z'],
    ['month 0', '2026-00-10T09:00:00Z'],
    ['day 0', '2026-05-00T09:00:00Z'],
    ['hour 24', '2026-05-17T24:00:00Z'],
    ['minute 60', '2026-05-17T09:60:00Z'],
    ['second 60', '2026-05-17T09:00:60Z'],
    ['a zone of 24 hours', '2026-05-17T09:00:00+24:00'],
    ['a zone minute of 60', '2026-05-17T09:00:00+02:60'],
    ['no zone', '2026-05-17T09:00:00'],
    ['a date alone', '2026-05-17'],
    ['a space for T', '2026-05-17 09:00:00Z'],
    ['seven fractional digits', '2026-05-17T09:00:00.1234567Z'],
    ['a zone without a colon', '2026-05-17T09:00:00+0200'],
    ['a two-digit year', '26-05-17T09:00:00Z'],
    ['a lowercase t', '2026-05-17t09:00:00Z'],
    ['words', 'tomorrow'],
    ['nothing', ''],
  ])('refuses %s', ([_label, raw]) => {
    expect(parseDateTime(raw)).toBeNull();
  });
});
