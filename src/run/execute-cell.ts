/**
 * One cell, start to finish: its turns (one, or a conversation's), each with its tool rounds, every request
 * through the cache, then scoring, into one `CellRecord`. A conversation is one cell: it is journaled once,
 * when its last turn ends, and a resumed run replays its answered turns from the cache.
 */
import { isApiError } from '../client/index.js';
import type { ChatRequest, Completion, Usage } from '../wire/index.js';
import { OnetokenEvalError } from '../errors.js';
import { SEED_LIMIT, type Cell } from '../plan/index.js';
import { hashRequest, requestHash } from './cache.js';
import { estimateCost } from './cost.js';
import type { CellError, CellRecord, RoundRecord, TurnRecord } from './record.js';
import { scoreRecord, type ScoreContext } from './score-cell.js';
import { recordToolCalls } from './tool-calls.js';
import { runTurn, type SendContext, type Sent } from './tool-loop.js';

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
    transformedOutput: null,
    toolCalls: [],
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
    rounds: [],
    turns: [],
    error: null,
    assertions: [],
    graderCalls: [],
    pass: null,
    score: null,
  };
}

/** What every request of a cell adds up to. */
interface Totals {
  usage: Usage | null;
  latencyMs: number | null;
  ttftMs: number | null;
  attempts: number;
  cached: boolean;
}

/** Sums the requests of a cell or turn: usage and latency add up, TTFT is the first request's. */
function sumRequests(parts: readonly Totals[]): Totals {
  let usage: Usage | null = null;
  let latencyMs: number | null = null;
  for (const part of parts) {
    if (part.usage) {
      usage ??= { promptTokens: 0, completionTokens: 0, totalTokens: 0 };
      usage = {
        promptTokens: usage.promptTokens + part.usage.promptTokens,
        completionTokens: usage.completionTokens + part.usage.completionTokens,
        totalTokens: usage.totalTokens + part.usage.totalTokens,
      };
    }
    if (part.latencyMs !== null) latencyMs = (latencyMs ?? 0) + part.latencyMs;
  }
  return {
    usage,
    latencyMs: latencyMs === null ? null : roundMs(latencyMs),
    ttftMs: parts[0]?.ttftMs == null ? null : roundMs(parts[0].ttftMs),
    attempts: parts.reduce((sum, part) => sum + part.attempts, 0),
    cached: parts.every((part) => part.cached),
  };
}

/** A final answer's request as totals. */
function totalsOf(sent: Sent): Totals {
  const { completion } = sent;
  return { usage: completion.usage, latencyMs: completion.latencyMs, ttftMs: completion.ttftMs, attempts: sent.cached ? 0 : completion.attempts, cached: sent.cached };
}

/** Fills a record from the final answer and every request made for it. */
function withAnswer(record: CellRecord, final: Completion, totals: Totals, context: ScoreContext): CellRecord {
  return {
    ...record,
    output: final.content,
    toolCalls: recordToolCalls(final.toolCalls),
    finishReason: final.finishReason,
    usage: totals.usage,
    servedModel: final.model,
    systemFingerprint: final.systemFingerprint,
    responseId: final.responseId,
    requestId: final.requestId,
    citations: final.citations,
    // Tenths of a millisecond: finer digits are timer noise and only make reports harder to read.
    latencyMs: totals.latencyMs,
    ttftMs: totals.ttftMs,
    attempts: totals.attempts,
    cached: totals.cached,
    cost: estimateCost(context.pricing, record.modelId, totals.usage),
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

/** The request of turn `index` (0-based): the conversation so far plus the turn's user message, seed + index. */
function turnRequest(cell: Cell, history: ChatRequest['messages'], index: number): ChatRequest {
  if (index === 0) return cell.request;
  const request: ChatRequest = { ...cell.request, messages: [...history, { role: 'user', content: cell.turns[index]!.content }] };
  // Each turn has its own seed, so turn 2 is not sampled exactly like turn 1 of another conversation.
  if (cell.seed !== null && 'seed' in request) request.seed = (cell.seed + index) % SEED_LIMIT;
  return request;
}

/** Runs a conversation's turns in order; answered turns are pushed on `turns` as they end. */
async function runConversation(cell: Cell, firstHash: string, context: SendContext, turns: TurnRecord[]): Promise<Sent> {
  let history = cell.request.messages.slice(0, -1);
  let last: Sent | null = null;
  for (let index = 0; index < cell.turns.length; index++) {
    const request = turnRequest(cell, history, index);
    const hash = index === 0 ? firstHash : hashRequest(context.endpoint, request);
    const rounds: RoundRecord[] = [];
    const outcome = await runTurn({ request, requestHash: hash, toolResults: cell.toolResults, vars: cell.vars, maxToolRounds: cell.maxToolRounds }, context, rounds);
    const totals = sumRequests([...rounds, totalsOf(outcome.final)]);
    const { completion } = outcome.final;
    turns.push({
      turn: index + 1,
      seed: typeof request.seed === 'number' ? request.seed : null,
      requestHash: hash,
      messages: [request.messages.at(-1)!],
      rounds,
      output: completion.content,
      toolCalls: recordToolCalls(completion.toolCalls),
      finishReason: completion.finishReason,
      ...totals,
      assertions: [],
      pass: null,
      score: null,
    });
    history = [...request.messages, ...outcome.added];
    last = outcome.final;
    // The API refuses a user message after unanswered tool calls: the conversation ends with those calls.
    if (outcome.hasOpenCalls) break;
  }
  return last!;
}

/** Runs one cell: each request from the cache or the client, then scoring. Never throws for API errors. */
export async function executeCell(cell: Cell, context: ScoreContext & { useCacheRead: boolean }): Promise<CellOutcome> {
  const record = blankRecord(cell, context.endpoint);
  const send: SendContext = { ...context, cellId: cell.id, limitKey: cell.modelId, images: cell.images };
  const rounds: RoundRecord[] = [];
  const turns: TurnRecord[] = [];
  let answered: CellRecord;
  try {
    if (cell.turns.length === 0) {
      const input = { request: cell.request, requestHash: record.requestHash, toolResults: cell.toolResults, vars: cell.vars, maxToolRounds: cell.maxToolRounds };
      const { final } = await runTurn(input, send, rounds);
      answered = { ...withAnswer(record, final.completion, sumRequests([...rounds, totalsOf(final)]), context), rounds };
    } else {
      const final = await runConversation(cell, record.requestHash, send, turns);
      answered = { ...withAnswer(record, final.completion, sumRequests(turns), context), turns };
    }
  } catch (error) {
    const paid = sumRequests([...rounds, ...turns]);
    const attempts = paid.attempts + (isApiError(error) ? error.attempts : 1);
    return { record: { ...record, usage: paid.usage, cost: estimateCost(context.pricing, record.modelId, paid.usage), rounds, turns, attempts, error: toCellError(error) }, error };
  }
  const scored = await scoreRecord(answered, cell, context);
  // Aborted while scoring (a check stopped, a grader cancelled): not recorded, so a resume scores it in full.
  if (context.signal?.aborted) return { record: answered, error: new OnetokenEvalError('OTE_ABORTED', `${cell.id}: aborted while scoring`) };
  return { record: { ...answered, ...scored }, error: null };
}
