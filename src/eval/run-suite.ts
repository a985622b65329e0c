/**
 * `runSuite`: everything `onetoken-eval run` does for one suite, as a library call. Load and plan (unless given a
 * plan), open the endpoint and the cache, run (or resume) into the run directory, write the reports, point
 * `latest` at a default-located run, and compare with a baseline. Printing, progress, signals and exit codes are
 * the caller's: it hears about cells and warnings through callbacks and gets a typed result.
 */
import { dirname } from 'node:path';
import type { ClientEvent } from '../client/index.js';
import { EnvironmentError, OnetokenEvalError } from '../errors.js';
import { endpointOf, type EndpointInfo } from '../wire/index.js';
import type { CompareReport } from '../compare/index.js';
import { buildPlan, type Plan, type PlanOptions } from '../plan/index.js';
import { writeReports, type FailureSample, type RunSummary } from '../report/index.js';
import { acquireRunLock, cacheNamespaceOf, prepareDirectory, prepareOutputFile, DEFAULT_CONCURRENCY, executeRun, journalRecords, ResponseCache, type CellRecord, type JudgmentRecord, type LimitsPerShard, type RunLock, type RunMeta, type RunOutcome, type RunResult } from '../run/index.js';
import { loadSuite, type Suite } from '../suite/index.js';
import { resolveCacheDir } from './cache-dir.js';
import { compareRuns, type CompareRunsOptions } from './compare-runs.js';
import { openEndpoint, type EndpointOptions } from './endpoint.js';
import { checkBaseline } from './baseline-check.js';
import { resumePlanOptions } from './resume-plan-options.js';
import { claimRunDirectory, updateLatest } from './run-location.js';
import { toolVersion } from './tool-version.js';
import { reportOptionsOf } from './report-formats.js';
import { readPairwiseInput } from './pairwise-input.js';

/** Options of `runSuite`. Every default is written once, here or in the module that owns it. */
export interface RunSuiteOptions {
  /** What narrows the plan (models, filter, shard, repeat); ignored when a built plan is passed. @default the whole suite */
  plan?: PlanOptions;
  /** The run directory. @default results/<suite>/<UTC timestamp>/, with results/<suite>/latest pointing at it */
  runDir?: string;
  /** Continue the run in `runDir` (required then): only cells without a record are sent. @default false */
  resume?: boolean;
  /** With `resume`: keep the still-valid cells of a changed suite instead of refusing. @default false */
  allowChangedSuite?: boolean;
  /** With `resume`: also rerun cells that ended in errors. @default false */
  retryErrors?: boolean;
  /** The response cache directory, or false to neither read nor write it. @default ONETOKEN_EVAL_CACHE_DIR, else .onetoken-eval-cache */
  cache?: string | false;
  /** Requests in flight at most, over all models. @default 8 */
  concurrency?: number;
  /** Stop dispatching when the estimated spend reaches this many USD. @default no limit */
  maxCostUsd?: number;
  /** Time one user regex match may take before its assertion errors, in ms. @default 1000 */
  regexTimeoutMs?: number;
  /** When `source` is a path: also read prompt, data and schema files outside the suite's directory. @default false */
  allowOutsidePaths?: boolean;
  /** When `source` is a path: largest suite, prompt, schema or tool file, in bytes. @default 67108864 (64 MiB) */
  maxSourceBytes?: number;
  /** When `source` is a path: largest data file, in bytes. @default 1073741824 (1 GiB) */
  maxDataBytes?: number;
  /** Where requests go. @default ONETOKEN_BASE_URL and ONETOKEN_API_KEY */
  endpoint?: EndpointOptions;
  /** How a shard applies each model's rpm/tpm: 'split' takes 1/n of each under shard i/n, 'full' all. @default 'split' */
  limitsPerShard?: LimitsPerShard;
  /** Compare the finished run with this baseline run directory or results.json. @default no comparison */
  baseline?: string;
  /** Options of the baseline comparison (alpha, max drop). */
  compare?: CompareRunsOptions;
  /** Also write JUnit XML to this path. @default none */
  junitPath?: string;
  /** Write report.html with the other reports. @default true */
  html?: boolean;
  /** The start time recorded in run.json and used for the default directory name. @default now */
  startedAt?: Date;
  /** Aborted: stop dispatching, let cells in flight finish (Ctrl-C once). */
  stop?: AbortSignal;
  /** Aborted: cancel the cells in flight too (Ctrl-C twice). */
  abort?: AbortSignal;
  /** Hears the run directory and plan before the first request. */
  onStart?: (start: { runDir: string; plan: Plan; isMock: boolean; endpoint: EndpointInfo }) => void;
  /** Hears how many cells a resumed run already has and what they spent (USD, null without pricing), before the first request. */
  onResumed?: (resumedCells: number, spentUsd: number | null) => void;
  /** Hears every finished cell as it is journaled. */
  onCell?: (record: CellRecord) => void;
  /** Hears every pairwise judgment as it is journaled. */
  onJudgment?: (record: JudgmentRecord) => void;
  /** Hears client events (retries, rate-limit waits). */
  onEvent?: (event: ClientEvent) => void;
  /** Hears warnings (a torn journal line, an unwritable cache). */
  onWarning?: (message: string) => void;
}

/** What `runSuite` returns. */
export interface RunSuiteResult {
  plan: Plan;
  runDir: string;
  meta: RunMeta;
  outcome: RunOutcome;
  /** Cells already in the journal when a resumed run started. */
  resumedCells: number;
  /** Pairwise judgments made now and left for a resume; null without pairwise judging. */
  judgments: RunResult['judgments'];
  summary: RunSummary;
  /** The text of summary.md. */
  summaryMarkdown: string;
  /** The first failing cells (a case's repeats folded into one entry) and how many there were. */
  failures: FailureSample;
  /** The baseline comparison, when a baseline was given and the run finished (not interrupted or stopped). */
  comparison: CompareReport | null;
}

/** Runs one suite (a path, a loaded suite or a built plan) and writes its reports. */
export async function runSuite(source: string | Suite | Plan, options: RunSuiteOptions = {}): Promise<RunSuiteResult> {
  const plan = planOf(source, options);
  const startedAt = options.startedAt ?? new Date();
  const warn = options.onWarning ?? (() => undefined);
  // A wrong baseline or comparison option must fail before any money is spent, not after the run.
  if (options.baseline) await checkBaseline(plan, options.baseline, options.compare ?? {}, options.endpoint?.isMock ?? false);
  // Every output location is checked before the first request: a wrong path must not cost a run.
  if (options.runDir !== undefined && !options.resume) prepareDirectory(options.runDir, 'out');
  if (options.junitPath !== undefined) prepareOutputFile(options.junitPath, 'junit');
  const cache = options.cache === false ? null : new ResponseCache(resolveCacheDir(options.cache));
  cache?.assertWritable();
  if (cache) cache.onWriteError = (error) => warn(`the response cache could not be written (${error.message}); answers are still recorded`);
  if (cache) cache.onInvalidEntry = (path) => warn(`${path}: malformed cache entry ignored (a cache miss); the request is sent again`);
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  const endpoint = openEndpoint({ ...options.endpoint, onEvent: options.onEvent ?? options.endpoint?.onEvent }, concurrency);
  const isDefaultLocation = options.runDir === undefined;
  let lock: RunLock | null = null;
  try {
    const runDir = options.runDir ?? claimRunDirectory(plan.suite.name, startedAt);
    // Held until the reports are written: a second writer would append to the same journal and pay twice.
    lock = acquireRunLock(runDir, { create: !options.resume, onStale: warn });
    options.onStart?.({ runDir, plan, isMock: endpoint.isMock, endpoint: endpointOf(endpoint.recordedBaseUrl) });
    const result = await executeRun(plan, {
      runDir,
      client: endpoint.client,
      baseUrl: endpoint.recordedBaseUrl,
      endpoint: cacheNamespaceOf(endpoint.recordedBaseUrl),
      cache,
      useCache: cache !== null,
      concurrency,
      maxCostUsd: options.maxCostUsd,
      regexTimeoutMs: options.regexTimeoutMs,
      limitsPerShard: options.limitsPerShard,
      resume: options.resume ?? false,
      allowChangedSuite: options.allowChangedSuite ?? false,
      retryErrors: options.retryErrors ?? false,
      toolVersion: toolVersion(),
      startedAt,
      stop: options.stop,
      abort: options.abort,
      onCell: options.onCell,
      onJudgment: options.onJudgment,
      onResumed: options.onResumed,
      onWarning: warn,
    });
    const pairwise = await readPairwiseInput(plan, runDir);
    const reports = await writeReports(runDir, result.meta, journalRecords(runDir), { ...reportOptionsOf(options), pairwise });
    if (isDefaultLocation && !options.resume) updateLatest(runDir, plan.suite.name, warn);
    // A run that stopped with cells left is unfinished: the gate cannot judge it, and the exit code says why it stopped.
    const isFinished = result.outcome.stopped === null && result.outcome.skipped === 0;
    // The page was written before the comparison existed: comparing rewrites it with the baseline view.
    const comparison = options.baseline && isFinished ? (await compareRuns(options.baseline, runDir, { ...options.compare, html: options.html !== false })).report : null;
    return { plan, runDir, meta: result.meta, outcome: result.outcome, resumedCells: result.resumedCells, judgments: result.judgments, summary: reports.summary, summaryMarkdown: reports.markdown ?? '', failures: reports.failures, comparison };
  } catch (error) {
    throw environmentErrorOf(error, lockedDir(lock));
  } finally {
    lock?.release();
    await endpoint.close();
  }
}

/** The run directory a held lock belongs to. */
function lockedDir(lock: RunLock | null): string | null {
  return lock ? dirname(lock.path) : null;
}

/**
 * A system error while the run directory was being written (ENOSPC, EIO, EROFS...) as an `EnvironmentError`
 * (exit 3) naming the file and saying the journal is intact; anything else unchanged.
 */
function environmentErrorOf(error: unknown, runDir: string | null): unknown {
  const errno = error as NodeJS.ErrnoException;
  if (runDir === null || error instanceof OnetokenEvalError || typeof errno?.code !== 'string' || typeof errno.syscall !== 'string') return error;
  const where = errno.path ?? runDir;
  return new EnvironmentError(`${where}: ${errno.code} while writing the run (${errno.syscall}); the journal keeps every cell finished so far`, runDir, { cause: error });
}

/**
 * The plan to run: built from a path or suite, or the given plan. A resumed run takes the options that run.json
 * recorded (refusing given ones that differ), so resuming a shard never turns it into the whole suite.
 */
function planOf(source: string | Suite | Plan, options: RunSuiteOptions): Plan {
  if (typeof source !== 'string' && 'cellAt' in source) return source;
  const suite = typeof source === 'string' ? loadSuite(source, { allowOutsidePaths: options.allowOutsidePaths ?? false, maxSourceBytes: options.maxSourceBytes, maxDataBytes: options.maxDataBytes }) : source;
  if (options.resume && options.runDir) return buildPlan(suite, resumePlanOptions(options.runDir, options.plan ?? {}, suite));
  return buildPlan(suite, options.plan);
}
