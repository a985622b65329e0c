/** Public surface of the comparison: pure regression checks between two runs, and merging shards of a run. */
export { compareRunRecords, withFlipDetails, resolveCompareOptions } from './compare-runs.js';
export type { CompareInput } from './compare-runs.js';
export { toCompareCell, toSlimCompareCell, OUTPUT_CHARS, REASON_CHARS, MAX_REASONS } from './compare-cell.js';
export type { CompareCell } from './compare-cell.js';
export { COMPARE_REPORT_VERSION } from './compare-report.js';
export type {
  CompareOptions,
  CompareReport,
  ErroredPair,
  Flip,
  FlipSide,
  GroupComparison,
  PairedMeasure,
  PairedTest,
  ProviderDrift,
  RunSide,
  UnmatchedCell,
  UsageSummary,
  Verdict,
} from './compare-report.js';
export { worstVerdict } from './verdict.js';
export { renderCompareText } from './render-text.js';
export type { TextOptions } from './render-text.js';
export { renderCompareMarkdown } from './render-markdown.js';
export type { MarkdownOptions } from './render-markdown.js';
export { renderCompareJson } from './render-json.js';
export { mergeShards } from './merge-shards.js';
export type { MergedRun, ShardInput } from './merge-shards.js';
export { diffWords, formatWordDiff, truncate } from './diff.js';
export type { DiffPart } from './diff.js';
export { assertUsableBaseline, describeCoverage, isComplete } from './gate.js';
export type { Coverage, GateSide } from './gate.js';
export { DEFAULT_ALPHA, DEFAULT_MAX_DROP, DEFAULT_MIN_COVERAGE } from './defaults.js';
