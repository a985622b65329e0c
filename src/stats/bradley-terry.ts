/**
 * Bradley–Terry strengths from pairwise outcomes (Hunter 2004's MM iteration), and bootstrap intervals by
 * resampling rows (each row is every comparison made on one prompt × case × repeat) with a seeded generator.
 */
import { percentile } from './percentile.js';
import { seededRandom } from './seeded-random.js';

/** One judged pair: model indices and who won; a tie counts half a win for each. */
export interface Comparison {
  a: number;
  b: number;
  outcome: 'a' | 'b' | 'tie';
}

/** A model's place in the ranking. */
export interface RankedModel {
  /** Index of the model in the list given. */
  model: number;
  /** Bradley–Terry strength; the strengths of all models sum to 1. */
  strength: number;
  /** 95% bootstrap interval of the strength. */
  interval: { low: number; high: number };
}

/**
 * Half a win each way added to every pair that was compared: keeps a model that never won at a small positive
 * strength instead of zero (where the MM iteration and any log scale break down).
 */
const PRIOR_WINS = 0.5;
const MAX_ITERATIONS = 1_000;
const TOLERANCE = 1e-10;

/** Strengths of `models` models from `comparisons`, summing to 1; models never compared share the mean. */
export function bradleyTerry(models: number, comparisons: readonly Comparison[]): number[] {
  const wins = Array.from({ length: models }, () => new Float64Array(models));
  for (const { a, b, outcome } of comparisons) {
    if (outcome === 'a') wins[a]![b]! += 1;
    else if (outcome === 'b') wins[b]![a]! += 1;
    else {
      wins[a]![b]! += 0.5;
      wins[b]![a]! += 0.5;
    }
  }
  const games = (i: number, j: number) => wins[i]![j]! + wins[j]![i]!;
  for (let i = 0; i < models; i++) {
    for (let j = i + 1; j < models; j++) {
      if (games(i, j) === 0) continue;
      wins[i]![j]! += PRIOR_WINS;
      wins[j]![i]! += PRIOR_WINS;
    }
  }
  let strengths = new Array<number>(models).fill(1 / models);
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    const next = strengths.map((strength, i) => {
      let won = 0;
      let weighted = 0;
      for (let j = 0; j < models; j++) {
        if (j === i || games(i, j) === 0) continue;
        won += wins[i]![j]!;
        weighted += games(i, j) / (strength + strengths[j]!);
      }
      return weighted === 0 ? strength : won / weighted;
    });
    const total = next.reduce((sum, value) => sum + value, 0);
    const normalised = next.map((value) => value / total);
    const change = Math.max(...normalised.map((value, i) => Math.abs(value - strengths[i]!)));
    strengths = normalised;
    if (change < TOLERANCE) break;
  }
  return strengths;
}

/**
 * The ranking of `models` models, strongest first, with 95% bootstrap intervals: `resamples` fits on rows drawn
 * with replacement by a generator seeded with `seed`, so the same data always gives the same intervals.
 */
export function rankModels(models: number, rows: readonly (readonly Comparison[])[], options: { resamples?: number; seed?: number } = {}): RankedModel[] {
  const resamples = options.resamples ?? 1_000;
  const random = seededRandom(options.seed ?? 0);
  const strengths = bradleyTerry(models, rows.flat());
  const samples = Array.from({ length: models }, () => [] as number[]);
  for (let round = 0; round < resamples && rows.length > 0; round++) {
    const drawn: Comparison[] = [];
    for (let k = 0; k < rows.length; k++) drawn.push(...rows[Math.floor(random() * rows.length)]!);
    bradleyTerry(models, drawn).forEach((value, i) => samples[i]!.push(value));
  }
  return strengths
    .map((strength, model) => {
      const sorted = samples[model]!.sort((x, y) => x - y);
      const interval = sorted.length ? { low: percentile(sorted, 2.5)!, high: percentile(sorted, 97.5)! } : { low: strength, high: strength };
      return { model, strength, interval };
    })
    .sort((x, y) => y.strength - x.strength || x.model - y.model);
}
