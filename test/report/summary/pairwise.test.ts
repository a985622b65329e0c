import { describe, expect, it } from 'vitest';
import { summarizePairwise, type PairwiseInput } from '../../../src/report/index.js';
import type { JudgmentRecord } from '../../../src/run/index.js';

/** A judgment of row `row` between two models with the given winner. */
function judgment(row: number, modelA: string, modelB: string, winner: JudgmentRecord['winner']): JudgmentRecord {
  return {
    id: `p/c${row}/${modelA}~${modelB}#0`, index: row, prompt: 'p', case: `c${row}`, repeat: 0, modelA, modelB,
    cellA: `p/c${row}/${modelA}#0`, cellB: `p/c${row}/${modelB}#0`, winner, verdicts: [], graderCalls: [], error: winner === null ? 'judge request failed' : null,
  };
}

/** Input for one pair a-b with these winners, row by row. */
function pairInput(winners: JudgmentRecord['winner'][]): PairwiseInput {
  return { rubric: 'r', grader: null, models: ['a', 'b'], reference: null, pairs: [['a', 'b']], judgments: winners.map((winner, row) => judgment(row, 'a', 'b', winner)) };
}

describe('summarizePairwise', () => {
  it('gives 8 wins and 2 losses a win rate of 0.8, Wilson 0.4902-0.9433 and a sign test p of 0.109375', () => {
    const summary = summarizePairwise(pairInput([...Array(8).fill('a'), 'b', 'b']));
    expect(summary.pairs[0]).toMatchObject({ judged: 10, wins: 8, ties: 0, losses: 2, errored: 0, winRate: 0.8, pValue: 0.109375 });
    expect(summary.pairs[0]!.winRateInterval!.low).toBeCloseTo(0.4902, 4);
    expect(summary.pairs[0]!.winRateInterval!.high).toBeCloseTo(0.9433, 4);
  });

  it('counts ties as half a win in the rate and drops them from the sign test', () => {
    const summary = summarizePairwise(pairInput([...Array(6).fill('a'), 'tie', 'tie', 'b', 'b', null]));
    expect(summary.pairs[0]).toMatchObject({ judged: 10, wins: 6, ties: 2, losses: 2, errored: 1, winRate: 0.7, pValue: 0.289063 }); // 74/256, rounded to 6 decimals
    expect(summary.errored).toBe(1);
  });

  it('makes a win-rate matrix with each pair seen from both sides and no ranking for two models', () => {
    const summary = summarizePairwise(pairInput(['a', 'a', 'a', 'b']));
    expect(summary.matrix).toEqual({ models: ['a', 'b'], winRate: [[null, 0.75], [0.25, null]] });
    expect(summary.ranking).toBeNull();
  });

  it('ranks three or more models by Bradley–Terry with a fixed bootstrap', () => {
    const judgments = [0, 1, 2, 3].flatMap((row) => [judgment(row, 'a', 'b', 'a'), judgment(row, 'a', 'c', 'a'), judgment(row, 'b', 'c', row < 3 ? 'a' : 'b')]);
    const input: PairwiseInput = { rubric: 'r', grader: 'judge', models: ['a', 'b', 'c'], reference: null, pairs: [['a', 'b'], ['a', 'c'], ['b', 'c']], judgments };
    const summary = summarizePairwise(input);
    expect(summary.ranking!.map((entry) => [entry.rank, entry.model])).toEqual([[1, 'a'], [2, 'b'], [3, 'c']]);
    expect(summarizePairwise(input)).toEqual(summary);
  });
});
