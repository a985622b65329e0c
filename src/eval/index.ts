/**
 * Public surface of the whole-run functions that the CLI and library users call: suite -> plan -> run -> reports
 * -> baseline comparison, with typed options whose defaults are documented where they are declared.
 */
export { runSuite } from './run-suite.js';
export type { RunSuiteOptions, RunSuiteResult } from './run-suite.js';
export { rescoreRun } from './rescore-run.js';
export type { RescoreRunOptions, RescoreRunResult } from './rescore-run.js';
export { repairRun } from './repair-run.js';
export type { RepairRunOptions, RepairRunResult } from './repair-run.js';
export { mergeRuns } from './merge-runs.js';
export type { MergeRunsOptions, MergeRunsResult } from './merge-runs.js';
export { compareRuns } from './compare-runs.js';
export type { CompareRunsOptions, CompareRunsResult } from './compare-runs.js';
export { readRunSide } from './read-run-side.js';
export { writeHtmlReport, reportRun } from './write-html-report.js';
export type { WriteHtmlReportOptions, ReportRunOptions } from './write-html-report.js';
export type { RunSide } from './read-run-side.js';
export { openEndpoint } from './endpoint.js';
export type { Endpoint, EndpointOptions } from './endpoint.js';
export { resolveCacheDir } from './cache-dir.js';
export { resolveRunPath, runDirectoryFor, timestampName } from './run-location.js';
export { resultsFileSchema, resultsJsonSchema } from './results-schema.js';
export { toolVersion } from './tool-version.js';
export { checkBaseline } from './baseline-check.js';
export { resumePlanOptions } from './resume-plan-options.js';
