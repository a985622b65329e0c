import { describe, expect, test } from 'vitest';
import { parseRetryAfterMs, trustedRetryAfterMs } from '../../src/client/retry-after.js';

const NOW = Date.parse('2025-01-01T00:00:00Z');

describe('parseRetryAfterMs', () => {
  test.each([
    [{ 'retry-after': '2' }, 2000],
    [{ 'retry-after': '1.5' }, 1500],
    [{ 'retry-after': ' 3 ' }, 3000],
    [{ 'retry-after-ms': '250' }, 250],
    [{ 'retry-after-ms': '250', 'retry-after': '9' }, 250],
    [{ 'retry-after-ms': 'soon', 'retry-after': '9' }, 9000],
    [{ 'retry-after': 'Wed, 01 Jan 2025 00:00:05 GMT' }, 5000],
    [{ 'retry-after': 'Tue, 31 Dec 2024 23:59:59 GMT' }, -1000],
    [{ 'retry-after': ['4', '8'] }, 4000],
    [{ 'retry-after': 'later' }, null],
    [{ 'retry-after': '' }, null],
    [{ 'retry-after': '-1' }, null],
    [{}, null],
  ])('reads %j as %s ms', (headers, expected) => {
    expect(parseRetryAfterMs(headers, NOW)).toBe(expected);
  });
});

describe('trustedRetryAfterMs', () => {
  test.each([
    [2000, 60_000, 2000],
    [60_000, 60_000, 60_000],
    [60_001, 60_000, null],
    [0, 60_000, null],
    [-1000, 60_000, null],
    [null, 60_000, null],
  ])('trusts %s ms under a cap of %s ms as %s', (hint, cap, expected) => {
    expect(trustedRetryAfterMs(hint, cap)).toBe(expected);
  });
});
