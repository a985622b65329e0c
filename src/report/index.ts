/**
 * Public surface of the reports: `writeReports` streams a run's cells once into results.json, results.csv,
 * comparison.csv, summary.md and junit.xml; the renderers behind it are pure and listed in `reporters`.
 */
export type {
  GraderSummary,
  ModelSummary,
  PairwiseInput,
  PairwiseSummary,
  RepeatGroup,
  RepeatSummary,
  Reporter,
  ReportChunk,
  ReportEnding,
  ReportFormat,
  ReportOptions,
  RunSummary,
} from './types.js';
export { writeReports } from './write-reports.js';
export type { FailureSample, WrittenReports } from './write-reports.js';
export { renderSummaryTable } from './summary/table.js';
export { describeSpend } from './summary/spend.js';
export { formatCost, formatCount, formatPercent, plural } from './text/format.js';
export { FailureList } from './summary/failure-list.js';
export type { FailureEntry } from './summary/failure-list.js';
export type { SummaryTableOptions } from './summary/table.js';
export { reporters } from './reporters/index.js';
export type { ReporterEntry } from './reporters/index.js';
export { renderResultsJson, CELLS_OPENING_LINE, CELLS_CLOSING_LINE } from './reporters/json.js';
export { renderResultsCsv, RESULTS_CSV_COLUMNS, REASON_SEPARATOR } from './reporters/csv.js';
export { renderComparisonCsv, comparisonColumns } from './reporters/comparison.js';
export { renderSummaryMarkdown } from './reporters/markdown.js';
export type { MarkdownSettings } from './reporters/markdown.js';
export { renderJunit } from './reporters/junit.js';
export { SummaryBuilder } from './summary/summarize.js';
export { summarizePairwise, RANKING_RESAMPLES, RANKING_SEED } from './summary/pairwise.js';
export { renderPairwiseText } from './summary/pairwise-text.js';
export { REPORT_FORMATS, DEFAULT_FORMATS, resolveReportOptions } from './options.js';
export type { ResolvedReportOptions } from './options.js';
export { RESULTS_VERSION, READABLE_RESULTS_VERSIONS, runSummarySchema, modelSummarySchema, repeatGroupSchema, pairwiseSummarySchema } from './results-schema.js';
export { readResultCells, readResultEntries, readResultRecordsAt, readResultsHeader, readResultsPairwise } from './results-reader.js';
export type { ResultEntry, ResultLinePosition, ResultsHeader } from './results-reader.js';
export { renderHtmlReport } from './reporters/html.js';
export type { HtmlSettings } from './reporters/html.js';
export type { PageBaseline, PageFlip, PageVerdict } from './html/page-data.js';
export { CONTENT_SECURITY_POLICY } from './html/page-shell.js';
