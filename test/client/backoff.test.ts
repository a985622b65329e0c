import { describe, expect, test } from 'vitest';
import { backoffDelayMs } from '../../src/client/backoff.js';

describe('backoffDelayMs', () => {
  test('doubles the ceiling per attempt from the base delay', () => {
    const almostOne = () => 0.999999;
    expect([1, 2, 3, 4].map((attempt) => backoffDelayMs(attempt, 500, 30_000, almostOne))).toEqual([499, 999, 1999, 3999]);
  });

  test('caps the ceiling at the maximum delay', () => {
    expect(backoffDelayMs(10, 500, 30_000, () => 0.5)).toBe(15_000);
    expect(backoffDelayMs(2000, 500, 30_000, () => 0.5)).toBe(15_000);
  });

  test('spreads the delay over the whole range below the ceiling (full jitter)', () => {
    expect(backoffDelayMs(3, 500, 30_000, () => 0)).toBe(0);
    expect(backoffDelayMs(3, 500, 30_000, () => 0.25)).toBe(500);
  });
});
