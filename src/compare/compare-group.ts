/** Statistics of one group of matched cell pairs: a model, or all models pooled. */
import type { CompareCell } from './compare-cell.js';
import type { GroupComparison, PairedMeasure, PairedTest, UsageSummary } from './compare-report.js';
import { mcnemarExact } from './mcnemar.js';
import { newcombePairedInterval, pairedMeanInterval } from './paired-interval.js';
import { percentiles } from './percentile.js';
import { signTest } from './sign-test.js';

/** A cell present on both sides. */
export interface CellPair {
  base: CompareCell;
  head: CompareCell;
}

/** Per-(prompt, case, model) sums over the repeats scored on both sides. */
interface UnitSums {
  n: number;
  basePass: number;
  headPass: number;
  baseScore: number;
  headScore: number;
}

/**
 * Compares the pairs of one group; the verdict is left as `no-change` for `decideVerdicts` to set once the
 * p-values of all models are known.
 *
 * The unit of pairing is the (prompt, case, model) triple. With one repeat per cell a unit is one pass/fail
 * pair: McNemar's exact test and Newcombe's interval apply. With repeats, the repeats of a unit share a prompt
 * and are not independent, so the test and the interval work on per-unit pass rates instead (sign test, paired
 * t), which keeps a suite with 10 repeats from looking 10 times as certain as it is.
 */
export function compareGroup(model: string | null, pairs: readonly CellPair[]): GroupComparison {
  const counts = { bothPass: 0, passToFail: 0, failToPass: 0, bothFail: 0 };
  const errored = { base: 0, head: 0 };
  const units = new Map<string, UnitSums>();
  let hasRepeats = false;
  let baseScore = 0;
  let headScore = 0;
  for (const { base, head } of pairs) {
    if (base.pass === null) errored.base++;
    if (head.pass === null) errored.head++;
    if (base.pass === null || head.pass === null) continue;
    if (base.pass) counts[head.pass ? 'bothPass' : 'passToFail']++;
    else counts[head.pass ? 'failToPass' : 'bothFail']++;
    if (head.repeat > 0 || base.repeat > 0) hasRepeats = true;
    const key = `${head.prompt}\u0000${head.case}\u0000${head.model}`;
    let unit = units.get(key);
    if (!unit) units.set(key, (unit = { n: 0, basePass: 0, headPass: 0, baseScore: 0, headScore: 0 }));
    unit.n++;
    unit.basePass += base.pass ? 1 : 0;
    unit.headPass += head.pass ? 1 : 0;
    unit.baseScore += base.score ?? 0;
    unit.headScore += head.score ?? 0;
    baseScore += base.score ?? 0;
    headScore += head.score ?? 0;
  }
  const scored = counts.bothPass + counts.passToFail + counts.failToPass + counts.bothFail;
  const passDiffs = new Float64Array(units.size);
  const scoreDiffs = new Float64Array(units.size);
  let k = 0;
  for (const unit of units.values()) {
    passDiffs[k] = (unit.headPass - unit.basePass) / unit.n;
    scoreDiffs[k++] = (unit.headScore - unit.baseScore) / unit.n;
  }
  const basePassRate = scored ? (counts.bothPass + counts.passToFail) / scored : null;
  const headPassRate = scored ? (counts.bothPass + counts.failToPass) / scored : null;
  const passRate: PairedMeasure = hasRepeats
    ? fromMean(basePassRate, headPassRate, passDiffs)
    : {
        base: basePassRate,
        head: headPassRate,
        delta: scored ? (counts.failToPass - counts.passToFail) / scored : null,
        interval: newcombePairedInterval(counts),
        method: 'newcombe-10',
      };
  const score = fromMean(scored ? baseScore / scored : null, scored ? headScore / scored : null, scoreDiffs);
  return {
    model,
    verdict: 'no-change',
    reason: '',
    matched: pairs.length,
    scored,
    errored,
    counts,
    passRate,
    score,
    test: hasRepeats ? signTestOf(passDiffs) : mcnemarOf(counts.passToFail, counts.failToPass, scored),
    usage: { base: summarizeUsage(pairs, 'base'), head: summarizeUsage(pairs, 'head') },
    drift: null,
  };
}

/** A measure whose interval is the paired t interval of per-unit differences. */
function fromMean(base: number | null, head: number | null, differences: Float64Array): PairedMeasure {
  const mean = pairedMeanInterval(differences);
  return {
    base,
    head,
    delta: base === null || head === null ? null : head - base,
    interval: mean ? mean.interval : null,
    method: 'paired-t',
  };
}

function mcnemarOf(passToFail: number, failToPass: number, scored: number): PairedTest {
  const pValue = mcnemarExact(passToFail, failToPass);
  const ties = scored - passToFail - failToPass;
  return { name: 'mcnemar', worse: passToFail, better: failToPass, ties, pValue, pAdjusted: pValue };
}

function signTestOf(differences: Float64Array): PairedTest {
  const result = signTest(differences);
  return {
    name: 'sign',
    worse: result.negative,
    better: result.positive,
    ties: result.ties,
    pValue: result.pValue,
    pAdjusted: result.pValue,
  };
}

/** Latency percentiles, tokens and cost of one side over the group's matched cells. */
function summarizeUsage(pairs: readonly CellPair[], side: 'base' | 'head'): UsageSummary {
  const latencies: number[] = [];
  let totalTokens = 0;
  let cost: number | null = null;
  for (const pair of pairs) {
    const cell = pair[side];
    if (cell.latencyMs !== null) latencies.push(cell.latencyMs);
    totalTokens += cell.totalTokens ?? 0;
    if (cell.cost !== null) cost = (cost ?? 0) + cell.cost;
  }
  const [p50LatencyMs, p95LatencyMs] = percentiles(latencies, [50, 95]);
  return { p50LatencyMs, p95LatencyMs, totalTokens, cost };
}
