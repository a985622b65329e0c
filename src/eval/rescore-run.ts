/**
 * `rescoreRun`: re-applies the (possibly edited) suite's assertions to a run's recorded answers, rewrites the
 * journal atomically and the reports, making no request except model-graded checks (through the cache).
 *
 * Records are matched to the new plan by cell id and re-indexed to its positions. A record whose cell left the
 * plan or whose request changed is never dropped or left to shadow another cell: it is moved to `stale.jsonl`
 * and reported, and run.json then describes the plan the journal now belongs to, so a `--resume` with the
 * edited suite runs exactly the cells that are missing.
 */
import { buildPlan, type Cell, type JudgmentCell, type Plan } from '../plan/index.js';
import { writeReports, type FailureSample, type RunSummary } from '../report/index.js';
import { reportOptionsOf } from './report-formats.js';
import { acquireRunLock, PatternMatcher, prepareOutputFile, cacheNamespaceOf, CellJournal, CheckPool, checkJournalShape, isJudgeable, judgePair, JUDGMENTS, journalRecords, keepStaleRecords, readRunMetaFile, requestHash, ResponseCache, rewriteJournal, scoreRecord, writeRunMeta, type CellRecord, type JudgmentRecord, type RunMeta, type ScoreContext } from '../run/index.js';
import { loadSuite } from '../suite/index.js';
import { isModelGraded } from '../assert/index.js';
import { UsageError } from '../errors.js';
import { resolveCacheDir } from './cache-dir.js';
import { openEndpoint, type Endpoint, type EndpointOptions } from './endpoint.js';
import { mapInOrder } from './ordered-pool.js';
import { resolveRunPath } from './run-location.js';
import { readPairwiseInput } from './pairwise-input.js';

/** Grader requests in flight at most while rescoring. */
const RESCORE_CONCURRENCY = 4;

/** Options of `rescoreRun`. */
export interface RescoreRunOptions {
  /** The (edited) suite to take assertions from; run.json records its path and hash as `rescoredWith`. @default the suite path recorded in run.json */
  suite?: string;
  /** The response cache directory, where grader answers are looked up. @default ONETOKEN_EVAL_CACHE_DIR, else .onetoken-eval-cache */
  cacheDir?: string;
  /** Where grader requests go; without a key only cached grader answers can be used. @default ONETOKEN_BASE_URL and ONETOKEN_API_KEY */
  endpoint?: EndpointOptions;
  /** Also write JUnit XML to this path. @default none */
  junitPath?: string;
  /** Write report.html with the other reports. @default true */
  html?: boolean;
  /** Time one user regex match may take before its assertion errors, in ms. @default 1000 */
  regexTimeoutMs?: number;
  /** Also read prompt, data and schema files outside the suite's directory. @default false */
  allowOutsidePaths?: boolean;
  /** Largest suite, prompt, schema or tool file, in bytes. @default 67108864 (64 MiB) */
  maxSourceBytes?: number;
  /** Largest data file, in bytes. @default 1073741824 (1 GiB) */
  maxDataBytes?: number;
  /** Hears warnings (a stale lock taken over). */
  onWarning?: (message: string) => void;
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
  /** Ids whose request changed or that left the plan: moved to stale.jsonl; a resume runs those still in the plan. */
  needRerun: string[];
  /** Ids of the suite's plan with no record in this run. */
  neverRun: string[];
  /** Grader requests that failed. */
  graderErrors: number;
}

/** Rescores a run directory in place. */
export async function rescoreRun(runDirectory: string, options: RescoreRunOptions = {}): Promise<RescoreRunResult> {
  const runDir = resolveRunPath(runDirectory);
  const oldMeta = readRunMetaFile(runDir);
  if (options.junitPath !== undefined) prepareOutputFile(options.junitPath, 'junit');
  const lock = acquireRunLock(runDir, { create: false, onStale: options.onWarning });
  try {
    return await rescoreLocked(runDir, oldMeta, options);
  } finally {
    lock.release();
  }
}

async function rescoreLocked(runDir: string, oldMeta: RunMeta, options: RescoreRunOptions): Promise<RescoreRunResult> {
  const suite = loadSuite(options.suite ?? oldMeta.suite.path, { allowOutsidePaths: options.allowOutsidePaths, maxSourceBytes: options.maxSourceBytes, maxDataBytes: options.maxDataBytes });
  // `meta.shard`, not `plan.shard`: a merged run covers the whole plan.
  const plan = buildPlan(suite, { models: oldMeta.plan.models ?? undefined, filter: oldMeta.plan.filter ?? undefined, shard: oldMeta.shard, repeat: oldMeta.plan.repeat ?? undefined, pairwise: oldMeta.plan.pairwise ?? undefined });
  const namespace = cacheNamespaceOf(oldMeta.baseUrl);
  const byId = new Map<string, Cell>();
  for (const cell of plan.cells()) byId.set(cell.id, cell);
  const usesGrader = plan.pairwise !== null || [...byId.values()].some((cell) => cell.assertions.some(isModelGraded) || cell.turns.some((turn) => turn.assertions.some(isModelGraded)));
  // Without a grader every llm-rubric would be recorded as errored and overwrite the reports: refuse before that.
  const endpoint = usesGrader ? openGraderEndpoint(options.endpoint) : null;
  const stale = await setAsideStale(runDir, oldMeta, (record) => {
    const cell = byId.get(record.id);
    return cell !== undefined && requestHash(namespace, cell.requestKey) === record.requestHash;
  });
  const cache = new ResponseCache(resolveCacheDir(options.cacheDir));
  const matcher = new PatternMatcher(options.regexTimeoutMs);
  const match = matcher.match.bind(matcher);
  const capture = matcher.capture.bind(matcher);
  const checks = new CheckPool();
  const seen = new Set<string>();
  let graderErrors = 0;
  let written = 0;
  const rescore = async (record: CellRecord): Promise<CellRecord> => {
    const cell = byId.get(record.id)!;
    seen.add(record.id);
    if (record.error) return { ...record, index: cell.index };
    const scored = await scoreRecord(record, cell, {
      client: endpoint?.client ?? null, cache, endpoint: namespace, grader: suite.grader, pricing: suite.pricing, match, capture, runCheck: checks.runCheck,
    });
    graderErrors += scored.graderCalls.filter((call) => call.error).length;
    return { ...record, index: cell.index, ...scored };
  };
  try {
    written = await rewriteJournal(runDir, mapInOrder(journalRecords(runDir), RESCORE_CONCURRENCY, rescore));
    if (plan.pairwise) graderErrors += await rejudge(plan, runDir, { client: endpoint?.client ?? null, cache, endpoint: namespace, grader: suite.grader, pricing: suite.pricing });
  } finally {
    matcher.close();
    await endpoint?.close();
    await checks.close();
  }
  // The journal now belongs to the new plan: say so, or a later --resume would mix the two plans' positions.
  const meta: RunMeta = {
    ...oldMeta,
    suite: { name: plan.suite.name, path: plan.suite.path, hash: plan.suite.hash },
    planHash: plan.hash,
    planCells: plan.totalCells,
    cells: plan.cellCount,
    models: plan.models.map((model) => model.label),
    rescoredWith: { path: suite.path, hash: suite.hash },
  };
  writeRunMeta(runDir, meta);
  const pairwise = await readPairwiseInput(plan, runDir);
  const reports = await writeReports(runDir, meta, journalRecords(runDir), { ...reportOptionsOf(options), pairwise });
  const neverRun = [...byId.keys()].filter((id) => !seen.has(id));
  return { runDir, meta, summary: reports.summary, summaryMarkdown: reports.markdown ?? '', failures: reports.failures, rescored: written, needRerun: stale, neverRun, graderErrors };
}

/**
 * Moves the records `isCurrent` rejects to stale.jsonl (first, so a crash keeps them somewhere) and rewrites
 * the journal without them; returns their ids. The journal is checked first: an index beyond the old plan or
 * an id recorded twice names its line.
 */
async function setAsideStale(runDir: string, meta: RunMeta, isCurrent: (record: CellRecord) => boolean): Promise<string[]> {
  const journal = CellJournal.openReadOnly(runDir);
  const stale: CellRecord[] = [];
  try {
    checkJournalShape(journal, meta.planCells, runDir);
    for await (const record of journal.records()) if (!isCurrent(record)) stale.push(record);
  } finally {
    journal.close();
  }
  if (stale.length === 0) return [];
  keepStaleRecords(runDir, stale);
  const ids = new Set(stale.map((record) => record.id));
  const current = async function* () {
    for await (const record of journalRecords(runDir)) if (!ids.has(record.id)) yield record;
  };
  await rewriteJournal(runDir, current());
  return stale.map((record) => record.id);
}

/** The grader's endpoint; without a key (and not the mock) a `UsageError` naming the fix. */
function openGraderEndpoint(options: EndpointOptions | undefined): Endpoint {
  try {
    return openEndpoint(options ?? {}, RESCORE_CONCURRENCY);
  } catch (error) {
    if (error instanceof UsageError) {
      throw new UsageError(`rescore needs a grader model for the suite's llm-rubric assertions, so nothing was rescored: ${error.template}`, { cause: error });
    }
    throw error;
  }
}

/**
 * Judges every pair of the plan again from the recorded answers (the rubric or the judge may have changed),
 * through the cache, and rewrites `judgments.jsonl`; pairs whose answers are missing or errored are left out.
 * Returns the judge requests that failed.
 */
async function rejudge(plan: Plan, runDir: string, context: ScoreContext): Promise<number> {
  const answers = CellJournal.openReadOnly(runDir);
  let failed = 0;
  try {
    const judgeOne = async (judgment: JudgmentCell): Promise<JudgmentRecord | null> => {
      const a = answers.read(judgment.cellA);
      const b = answers.read(judgment.cellB);
      if (!isJudgeable(a) || !isJudgeable(b)) return null;
      const record = await judgePair(judgment, a, b, plan.pairwise!, context);
      failed += record.graderCalls.filter((call) => call.error).length;
      return record;
    };
    async function* judged(): AsyncGenerator<JudgmentRecord> {
      for await (const record of mapInOrder(plan.pairwise!.judgments(), RESCORE_CONCURRENCY, judgeOne)) if (record) yield record;
    }
    await rewriteJournal(runDir, judged(), JUDGMENTS);
  } finally {
    answers.close();
  }
  return failed;
}
