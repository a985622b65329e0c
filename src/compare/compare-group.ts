/** Statistics of one group of matched cell pairs: a model, or all models pooled. */
import type { CompareCell } from './compare-cell.js';
import type { GroupComparison, PairedMeasure, PairedTest, UsageSummary } from './compare-report.js';
import { mcnemarExact, moverPairedInterval, newcombePairedInterval, percentiles, signTest } from '../stats/index.js';

/** A cell present on both sides. */
export interface CellPair {
  base: CompareCell;
  head: CompareCell;
}

/** Per-unit means over the repeats scored on both sides: pass rates (0/1 without repeats) and scores. */
interface UnitMeans {
  basePass: Float64Array;
  headPass: Float64Array;
  baseScore: Float64Array;
  headScore: Float64Array;
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
  const scoredPairs: CellPair[] = [];
  let hasRepeats = false;
  let baseScore = 0;
  let headScore = 0;
  for (const pair of pairs) {
    const { base, head } = pair;
    if (base.pass === null) errored.base++;
    if (head.pass === null) errored.head++;
    if (base.pass === null || head.pass === null) continue;
    if (base.pass) counts[head.pass ? 'bothPass' : 'passToFail']++;
    else counts[head.pass ? 'failToPass' : 'bothFail']++;
    if (head.repeat > 0 || base.repeat > 0) hasRepeats = true;
    scoredPairs.push(pair);
    baseScore += base.score ?? 0;
    headScore += head.score ?? 0;
  }
  const scored = scoredPairs.length;
  const means = unitMeans(scoredPairs, hasRepeats);
  const basePassRate = scored ? (counts.bothPass + counts.passToFail) / scored : null;
  const headPassRate = scored ? (counts.bothPass + counts.failToPass) / scored : null;
  const passRate: PairedMeasure = hasRepeats
    ? overUnits(basePassRate, headPassRate, means.basePass, means.headPass)
    : {
        base: basePassRate,
        head: headPassRate,
        delta: scored ? (counts.failToPass - counts.passToFail) / scored : null,
        interval: newcombePairedInterval(counts),
        method: 'newcombe-10',
      };
  const score = overUnits(scored ? baseScore / scored : null, scored ? headScore / scored : null, means.baseScore, means.headScore);
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
    test: hasRepeats ? signTestOf(means.basePass, means.headPass) : mcnemarOf(counts.passToFail, counts.failToPass, scored),
    usage: { base: summarizeUsage(pairs, 'base'), head: summarizeUsage(pairs, 'head') },
    drift: null,
  };
}

/** Groups scored pairs into (prompt, case, model) units; without repeats every pair is its own unit. */
function unitMeans(pairs: readonly CellPair[], hasRepeats: boolean): UnitMeans {
  const unitOf = new Map<string, number>();
  const counts: number[] = [];
  let units = pairs.length;
  const slots = new Int32Array(pairs.length);
  if (hasRepeats) {
    pairs.forEach(({ head }, i) => {
      const key = `${head.prompt}\u0000${head.case}\u0000${head.model}`;
      let unit = unitOf.get(key);
      if (unit === undefined) unitOf.set(key, (unit = unitOf.size));
      slots[i] = unit;
      counts[unit] = (counts[unit] ?? 0) + 1;
    });
    units = unitOf.size;
  } else {
    slots.forEach((_, i) => (slots[i] = i));
  }
  const means = {
    basePass: new Float64Array(units),
    headPass: new Float64Array(units),
    baseScore: new Float64Array(units),
    headScore: new Float64Array(units),
  };
  pairs.forEach(({ base, head }, i) => {
    const unit = slots[i];
    const weight = hasRepeats ? 1 / counts[unit] : 1;
    means.basePass[unit] += base.pass ? weight : 0;
    means.headPass[unit] += head.pass ? weight : 0;
    means.baseScore[unit] += (base.score ?? 0) * weight;
    means.headScore[unit] += (head.score ?? 0) * weight;
  });
  return means;
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

function signTestOf(basePass: Float64Array, headPass: Float64Array): PairedTest {
  const result = signTest(headPass.map((rate, i) => rate - basePass[i]));
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
