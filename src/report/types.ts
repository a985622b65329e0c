/**
 * Shapes of the report step: the summary written into results.json and returned to the caller, the per-repeat
 * groups, the options, and the hooks every reporter implements. Key order here is the order on disk.
 */
import type { CellRecord } from '../run/index.js';
import type { PageBaseline } from './html/page-data.js';
import type { PairwiseInput } from './summary/pairwise.js';

/** A file the report step can write; each name maps to one reporter in `reporters/index.ts`. */
export type ReportFormat = 'json' | 'csv' | 'comparison' | 'markdown' | 'html' | 'junit';

/** Options of `writeReports`. */
export interface ReportOptions {
  /** Files to write. @default ['json', 'csv', 'comparison', 'markdown', 'html'], plus 'junit' when `junitPath` is set */
  formats?: ReportFormat[];
  /** Where to write the JUnit XML (relative to the working directory). @default `<runDir>/junit.xml` when 'junit' is in `formats` */
  junitPath?: string;
  /** Failing or errored cells listed in summary.md. @default 20 */
  maxFailuresShown?: number;
  /** Characters of each output quoted in summary.md, in code points. @default 200 */
  outputPreviewChars?: number;
  /** Where to write the HTML report (relative to the working directory). @default `<runDir>/report.html` */
  htmlPath?: string;
  /** Characters of an output or message kept in report.html, in UTF-16 code units (results.json keeps all). @default 4000 */
  htmlMaxOutputChars?: number;
  /** A comparison with a baseline run for report.html to show (see `htmlBaselineOf` in the CLI). @default none */
  htmlBaseline?: PageBaseline;
  /** Pairwise judgments to summarise and list (results.json, summary.md). @default none */
  pairwise?: PairwiseInput | null;
}

export type { GraderSummary, ModelSummary, PairwiseSummary, RepeatGroup, RepeatSummary, RunSummary } from './results-schema.js';
export type { PairwiseInput } from './summary/pairwise.js';
import type { RepeatGroup, RunSummary } from './results-schema.js';

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
