/**
 * `rescoreRun`: re-applies the (possibly edited) suite's assertions to a run's recorded answers, rewrites the
 * journal atomically and the reports, making no request except model-graded checks (through the cache). A cell
 * whose request changed is listed as needing a rerun and keeps its old scores.
 */
import { buildPlan, type Cell } from '../plan/index.js';
import { writeReports, type FailureSample, type RunSummary } from '../report/index.js';
import { reportOptionsOf } from './report-formats.js';
import { cacheNamespaceOf, journalRecords, readRunMetaFile, requestHash, ResponseCache, rewriteJournal, scoreRecord, type CellRecord, type RunMeta } from '../run/index.js';
import { loadSuite } from '../suite/index.js';
import { isModelGraded } from '../assert/index.js';
import { UsageError } from '../errors.js';
import { resolveCacheDir } from './cache-dir.js';
import { openEndpoint, type Endpoint, type EndpointOptions } from './endpoint.js';
import { mapInOrder } from './ordered-pool.js';
import { resolveRunPath } from './run-location.js';

/** Grader requests in flight at most while rescoring. */
const RESCORE_CONCURRENCY = 4;

/** Options of `rescoreRun`. */
export interface RescoreRunOptions {
  /** The (edited) suite to take assertions from. @default the suite path recorded in run.json */
  suite?: string;
  /** The response cache directory, where grader answers are looked up. @default ONETOKEN_EVAL_CACHE_DIR, else .onetoken-eval-cache */
  cacheDir?: string;
  /** Where grader requests go; without a key only cached grader answers can be used. @default ONETOKEN_BASE_URL and ONETOKEN_API_KEY */
  endpoint?: EndpointOptions;
  /** Also write JUnit XML to this path. @default none */
  junitPath?: string;
  /** Write report.html with the other reports. @default true */
  html?: boolean;
}

/** What `rescoreRun` returns. */
export interface RescoreRunResult {
  runDir: string;
  meta: RunMeta;
  summary: RunSummary;
  summaryMarkdown: string;
  /** The first failing cells (a case's repeats folded into one entry) and how many there were. */
  failures: FailureSample;
  /** Cells rescored. */
  rescored: number;
  /** Ids whose request changed or that left the plan: kept with their old scores. */
  needRerun: string[];
  /** Ids of the suite's plan with no record in this run. */
  neverRun: string[];
  /** Grader requests that failed. */
  graderErrors: number;
}

/** Rescores a run directory in place. */
export async function rescoreRun(runDirectory: string, options: RescoreRunOptions = {}): Promise<RescoreRunResult> {
  const runDir = resolveRunPath(runDirectory);
  const meta = readRunMetaFile(runDir);
  const suite = loadSuite(options.suite ?? meta.suite.path);
  // `meta.shard`, not `plan.shard`: a merged run covers the whole plan.
  const plan = buildPlan(suite, { models: meta.plan.models ?? undefined, filter: meta.plan.filter ?? undefined, shard: meta.shard, repeat: meta.plan.repeat ?? undefined });
  const namespace = cacheNamespaceOf(meta.baseUrl);
  const byId = new Map<string, Cell>();
  for (const cell of plan.cells()) byId.set(cell.id, cell);
  const usesGrader = [...byId.values()].some((cell) => cell.assertions.some(isModelGraded));
  const endpoint = usesGrader ? openGraderEndpoint(options.endpoint) : null;
  const cache = new ResponseCache(resolveCacheDir(options.cacheDir));
  const needRerun: string[] = [];
  const seen = new Set<string>();
  let graderErrors = 0;
  let written = 0;
  const rescore = async (record: CellRecord): Promise<CellRecord> => {
    seen.add(record.id);
    const cell = byId.get(record.id);
    if (!cell || requestHash(namespace, cell.requestKey) !== record.requestHash) {
      needRerun.push(record.id);
      return record;
    }
    if (record.error) return record;
    const scored = await scoreRecord(record, cell.assertions, cell.threshold, cell.vars, {
      client: endpoint?.client ?? null, cache, endpoint: namespace, grader: suite.grader, pricing: suite.pricing,
    });
    graderErrors += scored.graderCalls.filter((call) => call.error).length;
    return { ...record, index: cell.index, ...scored };
  };
  try {
    written = await rewriteJournal(runDir, mapInOrder(journalRecords(runDir), RESCORE_CONCURRENCY, rescore));
  } finally {
    await endpoint?.close();
  }
  const reports = await writeReports(runDir, meta, journalRecords(runDir), reportOptionsOf(options));
  const neverRun = [...byId.keys()].filter((id) => !seen.has(id));
  return { runDir, meta, summary: reports.summary, summaryMarkdown: reports.markdown ?? '', failures: reports.failures, rescored: written - needRerun.length, needRerun, neverRun, graderErrors };
}

/** The grader's endpoint; without a key only cached grader answers can be used (null then). */
function openGraderEndpoint(options: EndpointOptions | undefined): Endpoint | null {
  try {
    return openEndpoint(options ?? {}, RESCORE_CONCURRENCY);
  } catch (error) {
    if (error instanceof UsageError) return null;
    throw error;
  }
}
