/**
 * Shapes of the report step: the summary written into results.json and returned to the caller, the per-repeat
 * groups, the options, and the hooks every reporter implements. Key order here is the order on disk.
 */
import type { Interval } from '../assert/index.js';
import type { CellRecord } from '../run/index.js';

/** A file the report step can write; each name maps to one reporter in `reporters/index.ts`. */
export type ReportFormat = 'json' | 'csv' | 'comparison' | 'markdown' | 'junit';

/** Options of `writeReports`. */
export interface ReportOptions {
  /** Files to write. @default ['json', 'csv', 'comparison', 'markdown'], plus 'junit' when `junitPath` is set */
  formats?: ReportFormat[];
  /** Where to write the JUnit XML (relative to the working directory). @default `<runDir>/junit.xml` when 'junit' is in `formats` */
  junitPath?: string;
  /** Failing or errored cells listed in summary.md. @default 20 */
  maxFailuresShown?: number;
  /** Characters of each output quoted in summary.md, in code points. @default 200 */
  outputPreviewChars?: number;
}

/** Aggregates over the repeats of one (prompt, case, model); errored repeats are counted apart, not as fails. */
export interface RepeatGroup {
  prompt: string;
  case: string;
  model: string;
  modelId: string;
  /** Repeats of this run, errored ones included. */
  cells: number;
  /** Scored repeats: the n of k/n, of the interval and of pass@k. */
  n: number;
  passed: number;
  errored: number;
  /** Mean score of the scored repeats; null when none was scored. */
  meanScore: number | null;
  /** 95% Wilson interval on the sum of scores over n; null when n is 0. */
  meanScoreInterval: Interval | null;
  /** The k of pass@k and pass^k: k = n. */
  k: number;
  /** Chance that at least one of k repeats passes; null when n is 0. */
  passAtK: number | null;
  /** Chance that all k repeats pass; null when n is 0. */
  passHatK: number | null;
}

/** Per-model consistency over repeats; present only when the run has repeats. */
export interface RepeatSummary {
  /** Repeat groups of this model with at least one scored repeat. */
  groups: number;
  /** Mean of pass@k (k = n) over those groups. */
  meanPassAtK: number | null;
  /** Mean of pass^k (k = n) over those groups. */
  meanPassHatK: number | null;
}

/** Totals for one model label. Rates and means are over scored cells: errors are reported apart. */
export interface ModelSummary {
  model: string;
  modelId: string;
  cells: number;
  passed: number;
  failed: number;
  errored: number;
  /** passed / (passed + failed); null when nothing was scored. */
  passRate: number | null;
  passRateInterval: Interval | null;
  meanScore: number | null;
  /** 95% Wilson interval on the sum of scores. */
  meanScoreInterval: Interval | null;
  /** Nearest-rank percentiles of the latency of answered cells, in milliseconds. */
  latencyP50Ms: number | null;
  latencyP95Ms: number | null;
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
  /** Estimated USD; null when no cell had a cost. */
  cost: number | null;
  /** Cells answered from the cache. */
  cached: number;
  /** HTTP attempts, retries included. */
  attempts: number;
  /** Mean score per named metric of the assertions, keys sorted. */
  metrics: Record<string, number>;
  repeats: RepeatSummary | null;
}

/** Requests made to grader models while scoring (llm-rubric), over the whole run. */
export interface GraderSummary {
  calls: number;
  cached: number;
  errors: number;
  totalTokens: number;
  /** Estimated USD; null when no grader call had a cost. */
  cost: number | null;
}

/** The totals of one run: the `summary` of results.json and what `writeReports` resolves with. */
export interface RunSummary {
  version: 1;
  cells: number;
  passed: number;
  failed: number;
  /** Cells with `pass === null`: no answer, not scored. */
  errored: number;
  passRate: number | null;
  passRateInterval: Interval | null;
  meanScore: number | null;
  meanScoreInterval: Interval | null;
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
  cost: number | null;
  cached: number;
  attempts: number;
  graders: GraderSummary;
  /** Repeat groups written to results.json; 0 when no cell has repeat > 0. */
  repeatGroups: number;
  /** In run.json's model order, then any other label in order of first appearance. */
  models: ModelSummary[];
  /** Mean score per named metric over all models, keys sorted. */
  metrics: Record<string, number>;
}

/** Text a reporter hands back for one event: `text` goes to its file now, `spool` is set aside for the end. */
export interface ReportChunk {
  text?: string;
  spool?: string;
}

/** How a file ends: `before`, then everything spooled when `withSpool`, then `after`. */
export interface ReportEnding {
  before: string;
  withSpool: boolean;
  after: string;
}

/**
 * A pure, incremental renderer of one file (Vitest's reporter hooks): it sees the cells once, in plan order,
 * keeps only bounded state and returns text; the writer does the files. No fs, clock or environment.
 */
export interface Reporter {
  /** Text before the first cell. */
  start?(): string;
  /** One cell, in plan order. */
  cell(record: CellRecord): ReportChunk;
  /** Repeat groups of a finished (prompt, case) block. */
  groups?(groups: readonly RepeatGroup[]): ReportChunk;
  /** After the last cell, with the finished totals. */
  end(summary: RunSummary): ReportEnding;
}
