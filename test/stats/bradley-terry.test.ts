import { describe, expect, it } from 'vitest';
import { bradleyTerry, rankModels, seededRandom, type Comparison } from '../../src/stats/index.js';

/** `count` copies of one comparison. */
function times(count: number, comparison: Comparison): Comparison[] {
  return Array.from({ length: count }, () => comparison);
}

describe('bradleyTerry', () => {
  it('gives the closed form for two models: (wins + 1/2) / (games + 1) with the half-win prior', () => {
    const strengths = bradleyTerry(2, [...times(3, { a: 0, b: 1, outcome: 'a' }), { a: 0, b: 1, outcome: 'b' }]);
    expect(strengths[0]).toBeCloseTo(3.5 / 5, 9);
    expect(strengths[1]).toBeCloseTo(1.5 / 5, 9);
  });

  it('counts a tie as half a win for each side', () => {
    expect(bradleyTerry(2, times(4, { a: 0, b: 1, outcome: 'tie' }))).toEqual([0.5, 0.5]);
  });

  it('gives equal strengths to a balanced cycle and orders a chain', () => {
    const cycle = [{ a: 0, b: 1, outcome: 'a' }, { a: 1, b: 2, outcome: 'a' }, { a: 2, b: 0, outcome: 'a' }] as Comparison[];
    for (const strength of bradleyTerry(3, cycle)) expect(strength).toBeCloseTo(1 / 3, 9);
    const chain = bradleyTerry(3, [...times(5, { a: 0, b: 1, outcome: 'a' }), ...times(5, { a: 1, b: 2, outcome: 'a' }), ...times(5, { a: 0, b: 2, outcome: 'a' })]);
    expect(chain[0]).toBeGreaterThan(chain[1]!);
    expect(chain[1]).toBeGreaterThan(chain[2]!);
    expect(chain.reduce((sum, value) => sum + value, 0)).toBeCloseTo(1, 12);
  });
});

describe('rankModels', () => {
  const rows: Comparison[][] = Array.from({ length: 12 }, (_, row) => [
    { a: 0, b: 1, outcome: row % 4 === 0 ? 'tie' : 'a' },
    { a: 1, b: 2, outcome: row % 3 === 0 ? 'b' : 'a' },
    { a: 0, b: 2, outcome: 'a' },
  ]);

  it('ranks strongest first with intervals around each strength', () => {
    const ranking = rankModels(3, rows, { resamples: 200, seed: 7 });
    expect(ranking.map((entry) => entry.model)).toEqual([0, 1, 2]);
    for (const entry of ranking) {
      expect(entry.interval.low).toBeLessThanOrEqual(entry.strength);
      expect(entry.interval.high).toBeGreaterThanOrEqual(entry.strength);
    }
  });

  it('gives the same intervals for the same seed, and different ones for another', () => {
    expect(rankModels(3, rows, { resamples: 200, seed: 7 })).toEqual(rankModels(3, rows, { resamples: 200, seed: 7 }));
    expect(rankModels(3, rows, { resamples: 200, seed: 8 })).not.toEqual(rankModels(3, rows, { resamples: 200, seed: 7 }));
  });

  it('draws the same sequence from the same seed', () => {
    const first = seededRandom(42);
    const second = seededRandom(42);
    const values = Array.from({ length: 5 }, () => first());
    expect(values).toEqual(Array.from({ length: 5 }, () => second()));
    for (const value of values) expect(value >= 0 && value < 1).toBe(true);
  });
});
