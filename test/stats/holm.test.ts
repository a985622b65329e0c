import { describe, expect, it } from 'vitest';
import { holmAdjust } from '../../src/stats/index.js';

// Reference values: R, p.adjust(p, method = "holm").
describe('holmAdjust', () => {
  it.each([
    { p: [0.01, 0.04, 0.03, 0.005], adjusted: [0.03, 0.06, 0.06, 0.02] },
    { p: [0.5, 0.5], adjusted: [1, 1] },
    { p: [0.02], adjusted: [0.02] },
    { p: [], adjusted: [] },
  ])('adjusts $p to $adjusted in input order', ({ p, adjusted }) => {
    const result = holmAdjust(p);
    expect(result).toHaveLength(adjusted.length);
    result.forEach((value, i) => expect(value).toBeCloseTo(adjusted[i], 12));
  });
});
