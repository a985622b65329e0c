/**
 * The result of comparing a baseline run with a new run. This is also the layout of the JSON report (see
 * render-json.ts): key order here is the order in the file, and a change to a field bumps
 * `COMPARE_REPORT_VERSION`.
 */
import type { Interval } from '../stats/index.js';
import type { EndpointInfo } from '../wire/index.js';
import type { CompareCell } from './compare-cell.js';
import type { Coverage } from './gate.js';

/** Version of the compare report layout (2: `endpoint` and `complete` per side, `coverage`, `drift`). */
export const COMPARE_REPORT_VERSION = 2;

/** The outcome for one model or for the whole run. */
export type Verdict = 'regression' | 'improvement' | 'no-change';

/** Options of `compareRuns`. */
export interface CompareOptions {
  /** Significance level of the paired test (two-sided). @default 0.05 */
  alpha?: number;
  /** Largest drop in pass rate tolerated without a regression, in pass-rate points 0..1 (0.02 = 2 points). @default 0 */
  maxDrop?: number;
  /** Share of the base's cells (0..1) the head must also have; below it the comparison is refused. @default 0.9 */
  minCoverage?: number;
  /** Accept a head that covers less than `minCoverage` of the base; the report says how much was compared. @default false */
  allowPartial?: boolean;
  /** Accept comparing a run against the built-in mock with a run against a real endpoint. @default false */
  allowEndpointChange?: boolean;
}

/** Identity of one side of the comparison. */
export interface RunSide {
  suite: string;
  suiteHash: string;
  planHash: string;
  startedAt: string;
  /** Cells read from this side. */
  cells: number;
  /** The endpoint the run spoke to. */
  endpoint: EndpointInfo;
}

/** The paired significance test used for a group. */
export interface PairedTest {
  /** `mcnemar` (one repeat per cell) or `sign` (per-(prompt, case) pass rates over repeats, ties dropped). */
  name: 'mcnemar' | 'sign';
  /** Units where the head did worse (pass to fail for McNemar). */
  worse: number;
  /** Units where the head did better (fail to pass for McNemar). */
  better: number;
  /** Units with no change; dropped by the test. */
  ties: number;
  /** Two-sided exact p-value. */
  pValue: number;
  /** p-value after Holm's adjustment across models (equal to pValue for the overall group). */
  pAdjusted: number;
}

/** Base and head values of one measure, with the head-minus-base difference and its 95% interval. */
export interface PairedMeasure {
  base: number | null;
  head: number | null;
  delta: number | null;
  interval: Interval | null;
  /**
   * How the interval was computed: `newcombe-10` (pass/fail pairs) or `mover-wilson` (the same construction
   * over per-unit means in 0..1); see paired-interval.ts.
   */
  method: 'newcombe-10' | 'mover-wilson';
}

/** Latency, tokens and cost of one side over the matched cells of a group. */
export interface UsageSummary {
  p50LatencyMs: number | null;
  p95LatencyMs: number | null;
  totalTokens: number;
  /** USD; null when no cell had a cost. */
  cost: number | null;
}

/** What the provider said served the model, per side; a difference is provider drift. */
export interface ProviderDrift {
  /** True when either set differs between the sides. */
  isChanged: boolean;
  fingerprints: { base: string[]; head: string[] };
  servedModels: { base: string[]; head: string[] };
}

/** The comparison of one model (or of all models pooled). */
export interface GroupComparison {
  /** The model label; null for the overall group. */
  model: string | null;
  verdict: Verdict;
  /** One sentence saying why. */
  reason: string;
  /** Cells present on both sides. */
  matched: number;
  /** Matched cells scored on both sides (used by the tests). */
  scored: number;
  /** Matched cells that errored on each side; excluded from the tests. */
  errored: { base: number; head: number };
  counts: { bothPass: number; passToFail: number; failToPass: number; bothFail: number };
  passRate: PairedMeasure;
  score: PairedMeasure;
  test: PairedTest;
  usage: { base: UsageSummary; head: UsageSummary };
  /** Null for the overall group. */
  drift: ProviderDrift | null;
}

/** The outcome and failure reasons of one side of a flip. */
export interface FlipSide {
  pass: boolean;
  failedReasons: string[];
}

/** A matched cell whose pass/fail changed; `index` is its plan index in the head run. */
export interface Flip extends Pick<CompareCell, 'id' | 'index' | 'prompt' | 'case' | 'model' | 'repeat'> {
  direction: 'pass-to-fail' | 'fail-to-pass';
  base: FlipSide;
  head: FlipSide;
  /** Word diff of the two outputs, `[-old-]{+new+}`, truncated. */
  diff: string;
}

/** A matched cell that errored on at least one side. */
export interface ErroredPair {
  id: string;
  index: number;
  model: string;
  baseError: string | null;
  headError: string | null;
}

/** A cell present on one side only. */
export interface UnmatchedCell {
  id: string;
  index: number;
  model: string;
}

/** Everything `compareRuns` found. */
export interface CompareReport {
  version: number;
  /** The worst verdict of the overall group and every model: what the CLI exits on. */
  verdict: Verdict;
  base: RunSide;
  head: RunSide;
  options: { alpha: number; maxDrop: number; minCoverage: number; allowPartial: boolean; allowEndpointChange: boolean };
  /** How much of the base was compared. */
  coverage: Coverage;
  /** What changed under the prompts, shown at the top: the endpoint, or a model's served snapshot. */
  drift: string[];
  /** Differences between the runs worth knowing (suite or plan changed). */
  notes: string[];
  overall: GroupComparison;
  /** Sorted by model label. */
  models: GroupComparison[];
  /** Sorted by head plan index, then id. */
  flips: Flip[];
  errored: ErroredPair[];
  onlyInBase: UnmatchedCell[];
  onlyInHead: UnmatchedCell[];
}
