/**
 * onetoken-eval as a library. The whole-run functions (`runSuite`, `rescoreRun`, `mergeRuns`, `compareRuns`) do
 * what the CLI commands do; the steps under them (suite -> plan -> run -> assert -> report -> compare) and the
 * built-in mock server are exported for finer control. Named exports only; this file holds no logic.
 */
export { runSuite, rescoreRun, repairRun, mergeRuns, compareRuns, reportRun, writeHtmlReport, readRunSide, resolveCacheDir, resultsJsonSchema, resultsFileSchema } from './eval/index.js';
export type {
  RunSuiteOptions, RunSuiteResult, RescoreRunOptions, RescoreRunResult, MergeRunsOptions, MergeRunsResult, CompareRunsOptions, CompareRunsResult,
  EndpointOptions, RunSide, ReportRunOptions, WriteHtmlReportOptions,
} from './eval/index.js';

export { loadSuite, loadSuites, suiteJsonSchema } from './suite/index.js';
export type { Suite, SuiteFile, ModelSpec, PromptSpec, CaseSpec, RequestParams, SourcePosition } from './suite/index.js';

export { buildPlan, deriveSeed, cellId, parseShard } from './plan/index.js';
export type { Cell, Plan, PlanOptions, Shard } from './plan/index.js';

export { createClient, resolveClientEnv, DEFAULT_BASE_URL } from './client/index.js';
export type { OnetokenClient, ClientOptions, ClientEvent } from './client/index.js';
export type { Completion, ChatRequest, ChatMessage, ChatRole, Usage, Citation } from './wire/index.js';
export {
  ApiError, AuthError, QuotaError, BadRequestError, NotFoundError, RateLimitError, ServerError, TimeoutError, ConnectionError,
  ProtocolError, ResponseTooLargeError, StatusError, AbortedError, isApiError,
} from './client/index.js';

export { runPlan, executeRun, journalRecords, readRunMetaFile, ResponseCache, DEFAULT_CACHE_DIR, DEFAULT_CONCURRENCY, RUN_META_VERSION, cellRecordSchema, runMetaSchema } from './run/index.js';
export type { CellRecord, CellError, GraderCall, RunMeta, RunOutcome, RunPlanOptions, ExecuteRunOptions, RunResult } from './run/index.js';

export { scoreAnswer, scoreCase, validateAssertion, assertionTypes } from './assert/index.js';

export { wilsonInterval, passAtK, passHatK } from './stats/index.js';
export type { Interval } from './stats/index.js';
export type { Answer, AssertionResult, AssertionSpec, GradeFn } from './assert/index.js';

export { writeReports, renderSummaryTable, readResultCells, readResultsHeader, RESULTS_VERSION } from './report/index.js';
export type { ReportOptions, RunSummary, ModelSummary, WrittenReports } from './report/index.js';

export { compareRunRecords, toCompareCell, mergeShards, renderCompareText, renderCompareMarkdown, renderCompareJson, DEFAULT_ALPHA, DEFAULT_MAX_DROP } from './compare/index.js';
export type { CompareReport, CompareOptions, CompareCell } from './compare/index.js';

export { startMockServer, loadMockFixtures, DEFAULT_MOCK_MODELS } from './mock/index.js';
export type { MockServer, MockServerOptions, MockFixture, MockStep, MockFaults } from './mock/index.js';

export { OnetokenEvalError, SuiteError, UsageError, CheckpointError, EnvironmentError, CompareRefusedError, ExitCode, formatIssue, wordOptions } from './errors.js';
export type { ErrorCode, SourceIssue } from './errors.js';
