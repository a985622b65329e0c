/**
 * Executes a plan: fans cells out under the run's global concurrency and each model's current limit,
 * appends every finished cell to the journal at once, and stops dispatching on a stop request, an auth/quota
 * error or the budget.
 *
 * Dispatch keeps one lane per model, each in plan order, and always feeds the lane with the fewest requests in
 * flight: models interleave, and a slow model cannot take every slot and starve the fast ones.
 */
import { setMaxListeners } from 'node:events';
import { optionRef, wordOptions } from '../errors.js';
import { isApiError, type OnetokenClient } from '../client/index.js';
import { spentOn } from '../wire/index.js';
import type { Cell, Plan } from '../plan/index.js';
import type { ResponseCache } from './cache.js';
import { blankRecord, executeCell } from './execute-cell.js';
import { limitsForShard, type LimitsPerShard } from './shard-limits.js';
import type { CellJournal } from './journal.js';
import type { CellRecord } from './record.js';
import type { ScoreContext } from './score-cell.js';
import { PatternMatcher } from '../pattern/index.js';
import { DEFAULT_CONCURRENCY } from './defaults.js';

/** Why dispatching stopped early. */
export type StopReason = 'interrupted' | 'auth' | 'quota' | 'budget';

/** Options of `runPlan`. */
export interface RunPlanOptions {
  client: OnetokenClient;
  journal: CellJournal;
  /** Requests in flight at most over all models. @default 8 */
  concurrency?: number;
  cache: ResponseCache | null;
  /** False with --no-cache: answers are neither read from nor written to the cache. */
  useCache: boolean;
  /** Cache namespace of the endpoint. */
  endpoint: string;
  grader: ScoreContext['grader'];
  pricing: ScoreContext['pricing'];
  /** Runs JavaScript checks and transforms. @default none: they error */
  runCheck?: ScoreContext['runCheck'];
  /** Stop dispatching when the estimated spend (answers and grading) reaches this, in USD. */
  maxCostUsd?: number;
  /** Time one user regex match may take before its assertion errors, in ms. @default 1000 */
  regexTimeoutMs?: number;
  /** Spend already in the run directory when a resumed run starts, in USD; counts toward `maxCostUsd`. @default 0 */
  spentBeforeUsd?: number;
  /** Cells to leave alone (already in the journal). */
  isDone?: (index: number) => boolean;
  /** Aborted: stop dispatching; in-flight requests keep going until `abort` fires. */
  stop?: AbortSignal;
  /** Aborted: in-flight requests are cancelled and not recorded. */
  abort?: AbortSignal;
  /** Hears every recorded cell. */
  onCell?: (record: CellRecord) => void;
  /** How a shard applies each model's rpm/tpm (see shard-limits.ts). @default 'split': 1/n of each under --shard i/n */
  limitsPerShard?: LimitsPerShard;
}

/** What happened. */
export interface RunOutcome {
  recorded: number;
  /** Cells not dispatched or cancelled. */
  skipped: number;
  /** Why dispatching stopped early; `template` marks the options it names (see `optionRef`), `message` words them by name. */
  stopped: { reason: StopReason; message: string; template: string } | null;
  spentUsd: number;
  /** Model ids the API answered 404 (not found); their later cells were recorded as errored without a request. */
  modelsNotFound: string[];
}

interface Lane {
  modelId: string;
  cells: Generator<Cell>;
  next: Cell | null;
  inFlight: number;
}

/** Runs the plan's missing cells. */
export async function runPlan(plan: Plan, options: RunPlanOptions): Promise<RunOutcome> {
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  // The dispatch loop below is the limiter: it starts a cell only while fewer than `concurrency` run, so a
  // queueing limiter (p-limit) in front of each cell only added a promise chain and an async hop per cell.
  let running = 0;
  // Every cell in flight waits on `abort` (request, retry sleep, concurrency slot): many listeners on one signal
  // are expected here, not a leak, and Node's warning at 11 would only confuse users of --concurrency 16.
  if (options.abort) setMaxListeners(0, options.abort);
  const isDone = options.isDone ?? (() => false);
  const inFlightByModel = new Map<string, number>();
  for (const model of plan.models) {
    const limits = limitsForShard({ concurrency: model.concurrency ?? undefined, rpm: model.rpm ?? undefined, tpm: model.tpm ?? undefined }, plan.shard, options.limitsPerShard);
    if (limits.concurrency || limits.rpm || limits.tpm) options.client.setModelLimits(model.id, limits);
  }
  const lanes: Lane[] = plan.models.map((model, m) => ({ modelId: model.id, cells: plan.cellsOfModel(m), next: null, inFlight: 0 }));
  const advance = (lane: Lane): Cell | null => {
    while (lane.next === null) {
      const step = lane.cells.next();
      if (step.done) return null;
      if (!isDone(step.value.index)) lane.next = step.value;
    }
    return lane.next;
  };
  const outcome: RunOutcome = { recorded: 0, skipped: 0, stopped: null, spentUsd: options.spentBeforeUsd ?? 0, modelsNotFound: [] };
  const matcher = new PatternMatcher(options.regexTimeoutMs);
  const match = matcher.match.bind(matcher);
  const capture = matcher.capture.bind(matcher);
  // A model id the API does not know fails every cell the same way: after its first 404, 40 more requests would
  // only cost time and rate limit, so its remaining cells are recorded as errored without a request.
  const notFound = new Map<string, string>();
  const context = { client: options.client, cache: options.useCache ? options.cache : null, endpoint: options.endpoint, grader: options.grader, pricing: options.pricing, signal: options.abort, useCacheRead: options.useCache, match, capture, runCheck: options.runCheck };
  let wake: () => void = () => undefined;
  let fatal: { error: unknown } | null = null;
  const onStop = () => wake();
  options.stop?.addEventListener('abort', onStop);

  const stopWith = (reason: StopReason, message: string) => {
    if (!outcome.stopped) outcome.stopped = { reason, message: wordOptions(message), template: message };
  };
  const finish = (record: CellRecord, error: unknown) => {
    if (isApiError(error) && error.stopsRun) {
      stopWith(error.code === 'OTE_API_QUOTA' ? 'quota' : 'auth', error.message);
      return; // not the cell's fault: left unrecorded so a resume runs it once the key works
    }
    if ((error as { code?: string } | null)?.code === 'OTE_ABORTED') return;
    if (isApiError(error) && error.code === 'OTE_API_NOT_FOUND' && !notFound.has(record.modelId)) {
      notFound.set(record.modelId, error.message);
      outcome.modelsNotFound.push(record.modelId);
    }
    try {
      options.journal.append(record);
    } catch (writeError) {
      // A full disk or an I/O error: stop dispatching, let the cells in flight end, report it after. The lines
      // already written stay valid, and this cell is simply run again on resume.
      fatal ??= { error: writeError };
      stopWith('interrupted', 'the journal could not be written');
      return;
    }
    outcome.recorded++;
    outcome.spentUsd += spentOn(record);
    if (options.maxCostUsd !== undefined && outcome.spentUsd >= options.maxCostUsd) {
      stopWith('budget', `the estimated spend reached ${optionRef('maxCost')} $${options.maxCostUsd} ($${outcome.spentUsd.toFixed(4)} so far)`);
    }
    options.onCell?.(record);
  };
  const pickLane = (): Lane | null => {
    let best: Lane | null = null;
    for (const lane of lanes) {
      const cell = advance(lane);
      if (!cell) continue;
      const modelLimit = options.client.modelStatus(lane.modelId).concurrency;
      if ((inFlightByModel.get(lane.modelId) ?? 0) >= modelLimit) continue;
      if (!best || lane.inFlight < best.inFlight || (lane.inFlight === best.inFlight && cell.index < best.next!.index)) best = lane;
    }
    return best;
  };

  if (options.maxCostUsd !== undefined && outcome.spentUsd >= options.maxCostUsd) {
    stopWith('budget', `the run directory already spent $${outcome.spentUsd.toFixed(4)}, which reaches ${optionRef('maxCost')} $${options.maxCostUsd}`);
  }
  while (true) {
    if (options.stop?.aborted) stopWith('interrupted', 'interrupted');
    while (!outcome.stopped && running < concurrency) {
      const lane = pickLane();
      if (!lane) break;
      const cell = lane.next!;
      lane.next = null;
      const firstNotFound = notFound.get(cell.modelId);
      if (firstNotFound !== undefined) {
        const error = { code: 'OTE_API_NOT_FOUND', message: `${cell.modelId}: not sent: an earlier request for this model id was answered 404 (${firstNotFound})`, status: null, raw: null };
        finish({ ...blankRecord(cell, options.endpoint), error }, null);
        continue;
      }
      lane.inFlight++;
      inFlightByModel.set(lane.modelId, (inFlightByModel.get(lane.modelId) ?? 0) + 1);
      running++;
      void executeCell(cell, context).then(
        ({ record, error }) => finish(record, error),
        (error: unknown) => {
          // A bug, not an API error: stop dispatching, let the others finish, rethrow after.
          fatal ??= { error };
          stopWith('interrupted', 'internal error');
        },
      ).finally(() => {
        lane.inFlight--;
        inFlightByModel.set(lane.modelId, inFlightByModel.get(lane.modelId)! - 1);
        running--;
        wake();
      });
    }
    if (running === 0) break;
    await new Promise<void>((resolve) => {
      wake = resolve;
    });
  }
  options.stop?.removeEventListener('abort', onStop);
  matcher.close();
  if (fatal) throw fatal.error;
  for (const lane of lanes) {
    while (advance(lane)) {
      lane.next = null;
      outcome.skipped++;
    }
  }
  return outcome;
}
