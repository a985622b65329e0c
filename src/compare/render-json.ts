/**
 * The JSON compare report. Keys are written in a fixed order (not the order objects happen to be built in) and
 * fractions are rounded to 6 decimals, so the same comparison always gives byte-identical output.
 */
import type { Interval } from '../stats/index.js';
import type {
  CompareReport,
  GroupComparison,
  PairedMeasure,
  ProviderDrift,
  RunSide,
  UsageSummary,
} from './compare-report.js';

/** Renders the report as pretty JSON ending in a newline: `{"version": 1, ...}`. */
export function renderCompareJson(report: CompareReport): string {
  const document = {
    version: report.version,
    verdict: report.verdict,
    base: side(report.base),
    head: side(report.head),
    options: pick(report.options, ['alpha', 'maxDrop', 'minCoverage', 'allowPartial', 'allowEndpointChange']),
    coverage: { ...pick(report.coverage, ['matched', 'baseCells', 'minCoverage', 'isPartial']), fraction: round(report.coverage.fraction) },
    drift: [...report.drift],
    notes: [...report.notes],
    overall: group(report.overall),
    models: report.models.map(group),
    flips: report.flips.map((flip) => ({
      id: flip.id,
      index: flip.index,
      prompt: flip.prompt,
      case: flip.case,
      model: flip.model,
      repeat: flip.repeat,
      direction: flip.direction,
      base: { pass: flip.base.pass, failedReasons: [...flip.base.failedReasons] },
      head: { pass: flip.head.pass, failedReasons: [...flip.head.failedReasons] },
      diff: flip.diff,
    })),
    errored: report.errored.map((cell) => pick(cell, ['id', 'index', 'model', 'baseError', 'headError'])),
    onlyInBase: report.onlyInBase.map((cell) => pick(cell, ['id', 'index', 'model'])),
    onlyInHead: report.onlyInHead.map((cell) => pick(cell, ['id', 'index', 'model'])),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

function side(value: RunSide): Record<string, unknown> {
  return { ...pick(value, ['suite', 'suiteHash', 'planHash', 'startedAt', 'cells']), endpoint: pick(value.endpoint, ['kind', 'baseUrl']) };
}

function group(value: GroupComparison): Record<string, unknown> {
  return {
    model: value.model,
    verdict: value.verdict,
    reason: value.reason,
    matched: value.matched,
    scored: value.scored,
    errored: { base: value.errored.base, head: value.errored.head },
    counts: pick(value.counts, ['bothPass', 'passToFail', 'failToPass', 'bothFail']),
    passRate: measure(value.passRate),
    score: measure(value.score),
    test: {
      name: value.test.name,
      worse: value.test.worse,
      better: value.test.better,
      ties: value.test.ties,
      pValue: round(value.test.pValue),
      pAdjusted: round(value.test.pAdjusted),
    },
    usage: { base: usage(value.usage.base), head: usage(value.usage.head) },
    drift: value.drift === null ? null : drift(value.drift),
  };
}

function measure(value: PairedMeasure): Record<string, unknown> {
  return {
    base: round(value.base),
    head: round(value.head),
    delta: round(value.delta),
    interval: interval(value.interval),
    method: value.method,
  };
}

function interval(value: Interval | null): Record<string, unknown> | null {
  return value === null ? null : { low: round(value.low), high: round(value.high) };
}

function usage(value: UsageSummary): Record<string, unknown> {
  return {
    p50LatencyMs: round(value.p50LatencyMs),
    p95LatencyMs: round(value.p95LatencyMs),
    totalTokens: value.totalTokens,
    cost: round(value.cost),
  };
}

function drift(value: ProviderDrift): Record<string, unknown> {
  return {
    isChanged: value.isChanged,
    fingerprints: { base: [...value.fingerprints.base], head: [...value.fingerprints.head] },
    servedModels: { base: [...value.servedModels.base], head: [...value.servedModels.head] },
  };
}

/** Copies `keys` of `value` in the given order. */
function pick<T extends object, K extends keyof T>(value: T, keys: K[]): Pick<T, K> {
  const result = {} as Pick<T, K>;
  for (const key of keys) result[key] = value[key];
  return result;
}

/** Rounds to 6 decimals; -0 becomes 0 so the output never shows `-0`. */
function round(value: number | null): number | null {
  if (value === null) return null;
  const rounded = Math.round(value * 1e6) / 1e6;
  return rounded === 0 ? 0 : rounded;
}
