/**
 * onetoken-eval as a library: the same pipeline the CLI drives — suite -> plan -> run -> assert -> report —
 * plus compare/merge for CI and the built-in mock server. Named exports only; this file holds no logic.
 */
export { loadSuite, loadSuites, suiteJsonSchema } from './suite/index.js';
export type { Suite, SuiteFile, ModelSpec, PromptSpec, CaseSpec, RequestParams, SourcePosition } from './suite/index.js';

export { buildPlan, deriveSeed, cellId, parseShard } from './plan/index.js';
export type { Cell, Plan, PlanOptions, Shard } from './plan/index.js';

export { createClient, resolveClientEnv, DEFAULT_BASE_URL } from './client/index.js';
export type { OnetokenClient, ClientOptions, ClientEvent, Completion, ChatRequest, ChatMessage, Usage, Citation } from './client/index.js';
export {
  ApiError, AuthError, QuotaError, BadRequestError, NotFoundError, RateLimitError, ServerError, TimeoutError, ConnectionError,
  ProtocolError, StatusError, AbortedError, isApiError,
} from './client/index.js';

export { runPlan, executeRun, journalRecords, ResponseCache, DEFAULT_CACHE_DIR, RECORD_VERSION } from './run/index.js';
export type { CellRecord, CellError, GraderCall, RunMeta, RunOutcome, RunPlanOptions, ExecuteRunOptions, RunResult } from './run/index.js';
export { readResultCells, readRunMeta } from './run/index.js';

export { scoreAnswer, scoreCase, validateAssertion, assertionTypes, wilsonInterval, passAtK, passHatK } from './assert/index.js';
export type { Answer, AssertionResult, AssertionSpec, GradeFn } from './assert/index.js';

export { writeReports, renderSummaryTable, resultsJsonSchema } from './report/index.js';
export type { ReportOptions, RunSummary, ModelSummary } from './report/index.js';

export { compareRuns, toCompareCell, mergeShards as mergeRuns, renderCompareText, renderCompareMarkdown, renderCompareJson } from './compare/index.js';
export type { CompareReport, CompareOptions, CompareCell } from './compare/index.js';

export { startMockServer, loadMockFixtures, DEFAULT_MOCK_MODELS } from './mock/index.js';
export type { MockServer, MockServerOptions, MockFixture, MockStep, MockFaults } from './mock/index.js';

export { OnetokenEvalError, SuiteError, UsageError, CheckpointError, ExitCode, formatIssue } from './errors.js';
export type { ErrorCode, SourceIssue } from './errors.js';
