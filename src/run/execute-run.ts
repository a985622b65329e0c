/**
 * One suite's run: run.json first, then the journal and the fan-out, for fresh and resumed runs. `eval/runSuite`
 * adds the cache, the reports (streamed from `journalRecords`) and the baseline comparison around it.
 */
import { join } from 'node:path';
import type { OnetokenClient } from '../client/index.js';
import type { Plan } from '../plan/index.js';
import { spendOf, spentOn } from '../wire/index.js';
import type { ResponseCache } from './cache.js';
import { optionRef, wordOptions } from '../errors.js';
import { CheckPool } from './check-pool.js';
import { CellJournal, JUDGMENTS } from './journal.js';
import { checkJournalAgainstPlan } from './journal-check.js';
import type { JudgmentRecord } from './judgment-record.js';
import { runJudgments } from './run-judgments.js';
import { RUN_META_VERSION, type CellRecord, type RunMeta } from './record.js';
import { assertFreshRunDirectory, reconcileResumedPlan } from './run-directory.js';
import { readRunMetaForResume, RUN_META_FILE, writeRunMeta } from './run-meta.js';
import { resolveResumeOptions } from './resume-options.js';
import { runPlan, type RunOutcome } from './run-plan.js';
import type { LimitsPerShard } from './shard-limits.js';

/** Options of `executeRun`. */
export interface ExecuteRunOptions {
  runDir: string;
  client: OnetokenClient;
  /** Base URL shown in run.json. */
  baseUrl: string;
  /** Cache namespace: the base URL, or a fixed name for the built-in mock. */
  endpoint: string;
  cache: ResponseCache | null;
  useCache: boolean;
  concurrency: number;
  maxCostUsd?: number;
  /** Time one user regex match may take before its assertion errors, in ms. @default 1000 */
  regexTimeoutMs?: number;
  /** How a shard applies each model's rpm/tpm. @default 'split' */
  limitsPerShard?: LimitsPerShard;
  resume?: boolean;
  allowChangedSuite?: boolean;
  retryErrors?: boolean;
  toolVersion: string;
  /** The start time, passed in so records carry no hidden clock. */
  startedAt: Date;
  stop?: AbortSignal;
  abort?: AbortSignal;
  onCell?: (record: CellRecord) => void;
  /** Hears every recorded pairwise judgment. */
  onJudgment?: (record: JudgmentRecord) => void;
  /**
   * Hears how many cells a resumed run already has and what they spent (USD, null when none was priced), once the
   * journal is read and before the first request.
   */
  onResumed?: (resumedCells: number, spentUsd: number | null) => void;
  onWarning?: (message: string) => void;
}

/** The result of a run. */
export interface RunResult {
  meta: RunMeta;
  outcome: RunOutcome;
  /** Cells already in the journal when a resumed run started. */
  resumedCells: number;
  /** Pairwise judgments made now and left for a resume (answers missing or errored, or stopped); null without pairwise. */
  judgments: { judged: number; pending: number } | null;
}

/** Runs (or resumes) one plan into `runDir`; the caller writes the reports from `journalRecords(runDir)`. */
export async function executeRun(plan: Plan, options: ExecuteRunOptions): Promise<RunResult> {
  const warn = options.onWarning ?? (() => undefined);
  let meta: RunMeta = {
    version: RUN_META_VERSION,
    tool: { name: 'onetoken-eval', version: options.toolVersion },
    suite: { name: plan.suite.name, path: plan.suite.path, hash: plan.suite.hash },
    planHash: plan.hash,
    planCells: plan.totalCells,
    cells: plan.cellCount,
    shard: plan.shard,
    models: plan.models.map((model) => model.label),
    plan: plan.options,
    baseUrl: options.baseUrl,
    startedAt: options.startedAt.toISOString(),
  };
  if (options.resume) {
    const previous = readRunMetaForResume(options.runDir);
    // The recorded options are the directory's plan: a resume with another shard, filter, models or repeat is refused.
    resolveResumeOptions(previous.plan, plan.options, plan.suite.repeat, join(options.runDir, RUN_META_FILE));
    const reconciled = await reconcileResumedPlan(options.runDir, previous, plan, options.endpoint, options.allowChangedSuite ?? false);
    if (reconciled) warn(`the suite changed: kept ${reconciled.kept} still-valid cells, moved ${reconciled.dropped} to stale.jsonl`);
    // The plan hash covers requests only: an edited assertion or check file changes the suite hash alone, and
    // the cells recorded before it keep the scores the old suite gave them.
    else if (previous.suite.hash !== plan.suite.hash) {
      warn(`the suite's files changed since this run started (assertions or checks; the requests did not): the cells already recorded keep their old scores; re-apply the suite to them with: onetoken-eval rescore ${options.runDir}`);
    }
    meta = { ...meta, startedAt: previous.startedAt };
  } else {
    assertFreshRunDirectory(options.runDir);
  }
  writeRunMeta(options.runDir, meta);

  // Workers start on the first JavaScript check, so a suite without any pays nothing for the pool.
  const checks = new CheckPool(undefined, options.abort);
  const journal = CellJournal.openForAppend(options.runDir, (line) => warn(`ignored a torn last line (${line}) of the journal: that cell will run again`));
  // Judgments are journaled beside the cells; opened up front so their earlier spend counts against the budget.
  let judged: CellJournal<JudgmentRecord> | null = null;
  try {
    if (plan.pairwise) judged = CellJournal.openForAppend(options.runDir, (line) => warn(`ignored a torn last line (${line}) of the judgments journal: that judgment will run again`), JUDGMENTS);
    // A resumed journal must belong to this plan: a phantom index or a misplaced id would be reported as a cell.
    checkJournalAgainstPlan(journal, plan, options.runDir);
    const errored = new Set<number>();
    // The budget covers the whole run directory: what earlier sessions of a resumed run spent counts too.
    let spentBeforeUsd = 0;
    // What the kept records spent (not those rerun by --retry-errors, whose new records replace them in the
    // reports), so the progress line starts where the summary will count from.
    let keptUsd: number | null = null;
    for await (const record of journal.records()) {
      spentBeforeUsd += spentOn(record);
      if (options.retryErrors && record.error) {
        errored.add(record.index);
        continue;
      }
      const spend = spendOf(record);
      if (spend.answers !== null || spend.graders !== null) keptUsd = (keptUsd ?? 0) + (spend.answers ?? 0) + (spend.graders ?? 0);
    }
    if (judged) for await (const record of judged.records()) spentBeforeUsd += spentOnJudgment(record);
    const resumedCells = journal.cellCount - errored.size;
    if (options.resume) options.onResumed?.(resumedCells, keptUsd);
    const outcome = await runPlan(plan, {
      client: options.client,
      journal,
      concurrency: options.concurrency,
      cache: options.cache,
      useCache: options.useCache,
      endpoint: options.endpoint,
      grader: plan.suite.grader,
      pricing: plan.suite.pricing,
      runCheck: checks.runCheck,
      maxCostUsd: options.maxCostUsd,
      regexTimeoutMs: options.regexTimeoutMs,
      spentBeforeUsd,
      limitsPerShard: options.limitsPerShard,
      isDone: (index) => journal.has(index) && !errored.has(index),
      stop: options.stop,
      abort: options.abort,
      onCell: options.onCell,
    });
    let judgments: RunResult['judgments'] = null;
    if (plan.pairwise && judged && outcome.stopped) {
      // A stopped run (Ctrl-C, a refused key, the budget) judges nothing more: the resume makes what is left.
      let pending = 0;
      for (const judgment of plan.pairwise.judgments()) if (!judged.has(judgment.index)) pending++;
      judgments = { judged: 0, pending };
    } else if (plan.pairwise && judged) {
      const context = { client: options.client, cache: options.useCache ? options.cache : null, endpoint: options.endpoint, grader: plan.suite.grader, pricing: plan.suite.pricing, signal: options.abort };
      const isOverBudget = () => options.maxCostUsd !== undefined && outcome.spentUsd >= options.maxCostUsd;
      const made = await runJudgments(plan.pairwise, {
        answers: journal,
        journal: judged,
        context,
        // Each judgment sends two requests at once: half the run's concurrency keeps the same cap on requests.
        concurrency: Math.max(1, Math.floor(options.concurrency / 2)),
        retryErrors: options.retryErrors,
        stop: options.stop,
        shouldStop: isOverBudget,
        onJudgment: (record) => {
          outcome.spentUsd += spentOnJudgment(record);
          options.onJudgment?.(record);
        },
      });
      judgments = { judged: made.judged, pending: made.pending };
      if (made.pending > 0 && !outcome.stopped && isOverBudget()) {
        const template = `the estimated spend reached ${optionRef('maxCost')} $${options.maxCostUsd} ($${outcome.spentUsd.toFixed(4)} so far) before every pairwise judgment was made`;
        outcome.stopped = { reason: 'budget', message: wordOptions(template), template };
      }
    }
    return { meta, outcome, resumedCells, judgments };
  } finally {
    journal.close();
    judged?.close();
    await checks.close();
  }
}

/** What a judgment cost in money: grader calls served from the cache were free. */
function spentOnJudgment(record: JudgmentRecord): number {
  return record.graderCalls.reduce((sum, call) => sum + (call.cached ? 0 : (call.cost ?? 0)), 0);
}
