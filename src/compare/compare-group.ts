/** Statistics of one group of matched cell pairs: a model, or all models pooled. */
import type { CompareCell } from './compare-cell.js';
import type { GroupComparison, PairedMeasure, PairedTest, UsageSummary } from './compare-report.js';
import { mcnemarExact } from './mcnemar.js';
import { moverPairedInterval, newcombePairedInterval } from './paired-interval.js';
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
 * and are not independent, so the test and the interval work on per-unit pass rates instead (sign test,
 * MOVER-Wilson), which keeps a suite with 10 repeats from looking 10 times as certain as it is.
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
  // Per-unit means: pass rates and scores averaged over the unit's repeats (0/1 and the score with none).
  const basePassMeans = new Float64Array(units.size);
  const headPassMeans = new Float64Array(units.size);
  const baseScoreMeans = new Float64Array(units.size);
  const headScoreMeans = new Float64Array(units.size);
  const passDiffs = new Float64Array(units.size);
  let k = 0;
  for (const unit of units.values()) {
    basePassMeans[k] = unit.basePass / unit.n;
    headPassMeans[k] = unit.headPass / unit.n;
    baseScoreMeans[k] = unit.baseScore / unit.n;
    headScoreMeans[k] = unit.headScore / unit.n;
    passDiffs[k] = headPassMeans[k] - basePassMeans[k];
    k++;
  }
  const basePassRate = scored ? (counts.bothPass + counts.passToFail) / scored : null;
  const headPassRate = scored ? (counts.bothPass + counts.failToPass) / scored : null;
  const passRate: PairedMeasure = hasRepeats
    ? overUnits(basePassRate, headPassRate, basePassMeans, headPassMeans)
    : {
        base: basePassRate,
        head: headPassRate,
        delta: scored ? (counts.failToPass - counts.passToFail) / scored : null,
        interval: newcombePairedInterval(counts),
        method: 'newcombe-10',
      };
  const score = overUnits(scored ? baseScore / scored : null, scored ? headScore / scored : null, baseScoreMeans, headScoreMeans);
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

/** A measure whose interval is the MOVER-Wilson interval over per-unit means. */
function overUnits(base: number | null, head: number | null, baseMeans: Float64Array, headMeans: Float64Array): PairedMeasure {
  return {
    base,
    head,
    delta: base === null || head === null ? null : head - base,
    interval: moverPairedInterval(baseMeans, headMeans),
    method: 'mover-wilson',
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
