/** One cell, start to finish: cache or request, then scoring, into one `CellRecord`. */
import { isApiError } from '../client/index.js';
import type { Completion } from '../wire/index.js';
import { OnetokenEvalError } from '../errors.js';
import type { Cell } from '../plan/index.js';
import { requestHash } from './cache.js';
import { estimateCost } from './cost.js';
import type { CellError, CellRecord } from './record.js';
import { scoreRecord, type ScoreContext } from './score-cell.js';

/** The record of a cell before it has an answer. */
export function blankRecord(cell: Cell, endpoint: string): CellRecord {
  const { model: _model, messages, ...params } = cell.request;
  return {
    id: cell.id,
    index: cell.index,
    prompt: cell.prompt,
    case: cell.case,
    model: cell.model,
    modelId: cell.modelId,
    repeat: cell.repeat,
    seed: cell.seed,
    requestHash: requestHash(endpoint, cell.requestKey),
    messages,
    params,
    output: null,
    finishReason: null,
    usage: null,
    servedModel: null,
    systemFingerprint: null,
    responseId: null,
    requestId: null,
    citations: [],
    latencyMs: null,
    ttftMs: null,
    attempts: 0,
    cached: false,
    cost: null,
    error: null,
    assertions: [],
    graderCalls: [],
    pass: null,
    score: null,
  };
}

/** Fills a record from a completion. */
export function withCompletion(record: CellRecord, completion: Completion, cached: boolean, context: ScoreContext): CellRecord {
  return {
    ...record,
    output: completion.content,
    finishReason: completion.finishReason,
    usage: completion.usage,
    servedModel: completion.model,
    systemFingerprint: completion.systemFingerprint,
    responseId: completion.responseId,
    requestId: completion.requestId,
    citations: completion.citations,
    // Tenths of a millisecond: finer digits are timer noise and only make reports harder to read.
    latencyMs: roundMs(completion.latencyMs),
    ttftMs: completion.ttftMs === null ? null : roundMs(completion.ttftMs),
    attempts: cached ? 0 : completion.attempts,
    cached,
    cost: estimateCost(context.pricing, record.modelId, completion.usage),
  };
}

function roundMs(ms: number): number {
  return Math.round(ms * 10) / 10;
}

/**
 * Message templates (with `optionRef` marks) of the errors recorded in this process. The record keeps the message
 * worded for library users; a front end that words options its own way (the CLI: `--timeout-ms`) looks the
 * template up here. A WeakMap rather than a record field, so the file format does not change.
 */
const templates = new WeakMap<CellError, string>();

/** The template of a cell error recorded in this process, else its message (a resumed or read-back record). */
export function cellErrorTemplate(error: CellError): string {
  return templates.get(error) ?? error.message;
}

/** A typed error as recorded data. */
export function toCellError(error: unknown): CellError {
  if (error instanceof OnetokenEvalError) {
    const recorded: CellError = isApiError(error)
      ? { code: error.code, message: error.message, status: error.status, raw: error.raw }
      : { code: error.code, message: error.message, status: null, raw: null };
    if (error.template !== error.message) templates.set(recorded, error.template);
    return recorded;
  }
  return { code: 'OTE_INTERNAL', message: error instanceof Error ? error.message : String(error), status: null, raw: null };
}

/** The outcome of running one cell. */
export interface CellOutcome {
  record: CellRecord;
  /** The error that ended it, when it errored; the runner decides whether it stops the run. */
  error: unknown;
}

/** Runs one cell: the cache first, then the client; scores the answer. Never throws for API errors. */
export async function executeCell(cell: Cell, context: ScoreContext & { useCacheRead: boolean }): Promise<CellOutcome> {
  const record = blankRecord(cell, context.endpoint);
  const cached = context.useCacheRead ? (context.cache?.get(record.requestHash) ?? null) : null;
  let answered: CellRecord;
  if (cached) {
    answered = withCompletion(record, cached, true, context);
  } else {
    try {
      const completion = await context.client!.complete(cell.request, { cellId: cell.id, limitKey: cell.modelId, signal: context.signal });
      context.cache?.set(record.requestHash, completion);
      answered = withCompletion(record, completion, false, context);
    } catch (error) {
      const attempts = isApiError(error) ? error.attempts : 1;
      return { record: { ...record, attempts, error: toCellError(error) }, error };
    }
  }
  const scored = await scoreRecord(answered, cell.assertions, cell.threshold, cell.vars, context);
  return { record: { ...answered, ...scored }, error: null };
}
