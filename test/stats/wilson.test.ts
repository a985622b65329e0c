import { describe, expect, it } from 'vitest';
import { wilsonInterval, Z_95 } from '../../src/stats/index.js';

describe('wilsonInterval', () => {
  it.each([
    { successes: 8, trials: 10, low: 0.4902, high: 0.9433 },
    { successes: 0, trials: 10, low: 0, high: 0.2775 },
    { successes: 10, trials: 10, low: 0.7225, high: 1 },
    { successes: 5, trials: 10, low: 0.2366, high: 0.7634 },
    { successes: 50, trials: 100, low: 0.4038, high: 0.5962 },
  ])('gives the 95% interval for $successes out of $trials', ({ successes, trials, low, high }) => {
    const interval = wilsonInterval(successes, trials);
    expect(interval.low).toBeCloseTo(low, 4);
    expect(interval.high).toBeCloseTo(high, 4);
  });

  it('returns the whole range when there are no trials', () => {
    expect(wilsonInterval(0, 0)).toEqual({ low: 0, high: 1 });
  });

  it('accepts a fractional number of successes such as a sum of scores', () => {
    const interval = wilsonInterval(7.5, 10);
    expect(interval.low).toBeLessThan(0.75);
    expect(interval.high).toBeGreaterThan(0.75);
  });

  it('narrows as z shrinks', () => {
    const wide = wilsonInterval(8, 10, Z_95);
    const narrow = wilsonInterval(8, 10, 1);
    expect(narrow.high - narrow.low).toBeLessThan(wide.high - wide.low);
  });
});
