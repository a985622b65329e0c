/** Running totals over cells: counts, score sums, tokens, cost and metric sums; constant memory per tally. */
import { wilsonInterval } from '../../stats/index.js';
import type { Interval } from '../../stats/index.js';
import type { CellRecord } from '../../run/index.js';

/** The rates a tally ends with; null where nothing was scored. */
export interface TallyRates {
  passRate: number | null;
  passRateInterval: Interval | null;
  meanScore: number | null;
  meanScoreInterval: Interval | null;
}

/** Sums over a set of cells; `add` is O(assertions), memory is O(metric names). */
export class Tally {
  cells = 0;
  passed = 0;
  failed = 0;
  errored = 0;
  scoreSum = 0;
  promptTokens = 0;
  completionTokens = 0;
  totalTokens = 0;
  costSum = 0;
  hasCost = false;
  cached = 0;
  attempts = 0;
  private readonly metricSums = new Map<string, { sum: number; count: number }>();

  /** Counts one cell; `pass === null` is an error, which is neither passed nor failed. */
  add(record: CellRecord): void {
    this.cells++;
    if (record.pass === null) this.errored++;
    else {
      if (record.pass) this.passed++;
      else this.failed++;
      this.scoreSum += record.score ?? 0;
      for (const assertion of record.assertions) {
        if (assertion.metric === null) continue;
        const entry = this.metricSums.get(assertion.metric) ?? { sum: 0, count: 0 };
        entry.sum += assertion.score;
        entry.count++;
        this.metricSums.set(assertion.metric, entry);
      }
    }
    if (record.usage) {
      this.promptTokens += record.usage.promptTokens;
      this.completionTokens += record.usage.completionTokens;
      this.totalTokens += record.usage.totalTokens;
    }
    if (record.cost !== null) {
      this.costSum += record.cost;
      this.hasCost = true;
    }
    if (record.cached) this.cached++;
    this.attempts += record.attempts;
  }

  /** Pass rate and mean score with 95% Wilson intervals over the scored cells. */
  rates(): TallyRates {
    const scored = this.passed + this.failed;
    if (scored === 0) return { passRate: null, passRateInterval: null, meanScore: null, meanScoreInterval: null };
    return {
      passRate: this.passed / scored,
      passRateInterval: wilsonInterval(this.passed, scored),
      meanScore: clampUnit(this.scoreSum / scored),
      meanScoreInterval: wilsonInterval(this.scoreSum, scored),
    };
  }

  /** Estimated USD, null when no cell had a cost. */
  cost(): number | null {
    return this.hasCost ? this.costSum : null;
  }

  /** Mean score per metric name, keys sorted so the output is stable. */
  metrics(): Record<string, number> {
    const names = [...this.metricSums.keys()].sort();
    return Object.fromEntries(names.map((name) => {
      const { sum, count } = this.metricSums.get(name)!;
      return [name, clampUnit(sum / count)];
    }));
  }
}

/** Keeps a mean of values in 0..1 inside 0..1 despite float rounding (a sum of 0.1s can end at 1.0000000000000002). */
export function clampUnit(value: number): number {
  return Math.min(1, Math.max(0, value));
}
