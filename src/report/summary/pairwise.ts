/**
 * The pairwise section of a run's summary: per pair the win/tie/loss counts, the win rate (ties count half)
 * with its 95% Wilson interval and a two-sided sign test on wins against losses; a win-rate matrix for every
 * judged model against every other (what the HTML report draws); and with three or more models a Bradley–Terry
 * ranking with bootstrap intervals from a fixed seed.
 */
import type { JudgmentRecord } from '../../run/index.js';
import { binomialTwoSidedP, rankModels, wilsonInterval, type Comparison } from '../../stats/index.js';
import type { PairwiseSummary } from '../results-schema.js';

/** What the summary needs: the judging set-up and every judgment in plan order. */
export interface PairwiseInput {
  rubric: string;
  /** The judge model id; null for the suite grader. */
  grader: string | null;
  /** Judged model labels, in suite order. */
  models: string[];
  reference: string | null;
  pairs: [string, string][];
  judgments: readonly JudgmentRecord[];
}

/** Bootstrap resamples of the ranking. @default 1000 */
export const RANKING_RESAMPLES = 1_000;
/** Seed of the ranking's bootstrap, fixed so the same judgments always give the same intervals. */
export const RANKING_SEED = 14;

/** Rounds to 6 decimals: summaries are compared as text across runs, and float noise below that means nothing. */
function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** Summarises the judgments of a run. */
export function summarizePairwise(input: PairwiseInput): PairwiseSummary {
  const key = (a: string, b: string) => `${a}\u0000${b}`;
  const counts = new Map<string, { wins: number; ties: number; losses: number; errored: number }>();
  for (const [a, b] of input.pairs) counts.set(key(a, b), { wins: 0, ties: 0, losses: 0, errored: 0 });
  const rows = new Map<string, Comparison[]>();
  const indexOf = new Map(input.models.map((model, index) => [model, index]));
  let errored = 0;
  for (const judgment of input.judgments) {
    const count = counts.get(key(judgment.modelA, judgment.modelB));
    if (!count) continue;
    if (judgment.winner === null) {
      count.errored++;
      errored++;
      continue;
    }
    if (judgment.winner === 'a') count.wins++;
    else if (judgment.winner === 'b') count.losses++;
    else count.ties++;
    const row = `${judgment.prompt}/${judgment.case}#${judgment.repeat}`;
    if (!rows.has(row)) rows.set(row, []);
    rows.get(row)!.push({ a: indexOf.get(judgment.modelA)!, b: indexOf.get(judgment.modelB)!, outcome: judgment.winner });
  }
  const pairs = input.pairs.map(([modelA, modelB]) => {
    const { wins, ties, losses, errored: failed } = counts.get(key(modelA, modelB))!;
    const judged = wins + ties + losses;
    const interval = judged > 0 ? wilsonInterval(wins + ties / 2, judged) : null;
    return {
      modelA,
      modelB,
      judged,
      wins,
      ties,
      losses,
      errored: failed,
      winRate: judged > 0 ? round((wins + ties / 2) / judged) : null,
      winRateInterval: interval ? { low: round(interval.low), high: round(interval.high) } : null,
      pValue: round(binomialTwoSidedP(wins, wins + losses)),
    };
  });
  const matrix = input.models.map((row) =>
    input.models.map((column) => {
      const direct = pairs.find((pair) => pair.modelA === row && pair.modelB === column);
      if (direct) return direct.winRate;
      const reverse = pairs.find((pair) => pair.modelA === column && pair.modelB === row);
      return reverse && reverse.winRate !== null ? round(1 - reverse.winRate) : null;
    }),
  );
  const ranking =
    input.models.length >= 3 && rows.size > 0
      ? rankModels(input.models.length, [...rows.values()], { resamples: RANKING_RESAMPLES, seed: RANKING_SEED }).map((ranked, position) => ({
          rank: position + 1,
          model: input.models[ranked.model]!,
          strength: round(ranked.strength),
          strengthInterval: { low: round(ranked.interval.low), high: round(ranked.interval.high) },
        }))
      : null;
  return {
    rubric: input.rubric,
    grader: input.grader,
    models: input.models,
    reference: input.reference,
    judgments: input.judgments.length,
    errored,
    pairs,
    matrix: { models: input.models, winRate: matrix },
    ranking,
  };
}
