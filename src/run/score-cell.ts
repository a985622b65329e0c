/**
 * Scoring a cell: every assertion of the cell against its recorded answer, model-graded ones through a grader
 * that goes through the same client, cache, limits and cost accounting as the cell's own request.
 */
import { scoreAnswer, scoreCase, DEFAULT_GRADER_MODEL } from '../assert/index.js';
import type { Answer, AssertionResult, AssertionSpec, DeclaredTool, GradeFn, MatchFn, ToolCall } from '../assert/index.js';
import { isApiError, type OnetokenClient } from '../client/index.js';
import { canonicalJson, type PlannedTurn } from '../plan/index.js';
import type { RequestParams } from '../suite/index.js';
import { hashRequest, type ResponseCache } from './cache.js';
import { estimateCost, type Pricing } from './cost.js';
import type { CellRecord, GraderCall, TurnRecord } from './record.js';

/** What scoring needs besides the record. */
export interface ScoreContext {
  /** Null when grading is impossible (no client: e.g. rescore without network); llm-rubric then errors. */
  client: OnetokenClient | null;
  cache: ResponseCache | null;
  /** Cache namespace of the endpoint (base URL, or a fixed name for the built-in mock). */
  endpoint: string;
  grader: { model: string | null; params: RequestParams };
  pricing: Pricing;
  signal?: AbortSignal;
  /** Runs user regular expressions with a time limit (see `PatternMatcher`). @default in-thread, no limit */
  match?: MatchFn;
}

/** The seed every grader request carries, so grading is as reproducible as the answers. */
export const GRADER_SEED = 20240601;

/** The tools a request declared (`params.tools`), as the assertions see them. */
function declaredTools(params: Record<string, unknown>): DeclaredTool[] {
  if (!Array.isArray(params.tools)) return [];
  const tools: DeclaredTool[] = [];
  for (const tool of params.tools as { function?: { name?: unknown; parameters?: unknown } }[]) {
    const name = tool?.function?.name;
    if (typeof name !== 'string') continue;
    const parameters = tool.function!.parameters;
    tools.push({ name, parameters: parameters !== null && typeof parameters === 'object' ? (parameters as Record<string, unknown>) : null });
  }
  return tools;
}

/** The JSON Schema of a request's `response_format` when it is `{type: json_schema, json_schema: {schema}}`. */
function responseSchemaOf(params: Record<string, unknown>): Record<string, unknown> | null {
  const format = params.response_format as { type?: unknown; json_schema?: { schema?: unknown } } | undefined;
  const schema = format?.type === 'json_schema' ? format.json_schema?.schema : undefined;
  return schema !== null && typeof schema === 'object' ? (schema as Record<string, unknown>) : null;
}

/** The part of a record (or of one of its turns) that an answer is made from. */
type AnswerFacts = Pick<CellRecord, 'output' | 'finishReason' | 'latencyMs' | 'cost' | 'usage' | 'citations' | 'params'> & {
  toolCalls?: ToolCall[];
  rounds?: { toolCalls: ToolCall[] }[];
};

/** The calls a cell or turn made. */
type CallFacts = Pick<AnswerFacts, 'toolCalls' | 'rounds'>;

/**
 * Every call of a cell or turn in order: those its tool rounds answered, then the final answer's. Tool
 * assertions look at all of them, or a loop that called the right tool and then answered would show no call.
 */
function allToolCalls(facts: CallFacts): ToolCall[] {
  const rounds = facts.rounds ?? [];
  if (rounds.length === 0) return facts.toolCalls ?? [];
  return [...rounds.flatMap((round) => round.toolCalls), ...(facts.toolCalls ?? [])];
}

/** The view of a record that assertions see. */
export function answerOf(record: AnswerFacts): Answer {
  return {
    output: record.output ?? '',
    // Records written before tool calls were recorded have none.
    toolCalls: allToolCalls(record),
    tools: declaredTools(record.params),
    responseSchema: responseSchemaOf(record.params),
    finishReason: record.finishReason,
    latencyMs: record.latencyMs,
    cost: record.cost,
    completionTokens: record.usage?.completionTokens ?? null,
    citations: record.citations.map((citation) => ({ url: citation.url, title: citation.title })),
  };
}

/**
 * Scores an answered record; returns assertion results, pass, score, the grader calls made, and for a
 * conversation its turns with their own assertions scored. A cell assertion with `turn: N` scores turn N's
 * answer, any other the final answer; the cell passes when its own and every turn's assertions do.
 */
export async function scoreRecord(
  record: CellRecord,
  assertions: AssertionSpec[],
  threshold: number | null,
  vars: Record<string, unknown>,
  context: ScoreContext,
  plannedTurns: readonly PlannedTurn[] = [],
): Promise<{ assertions: AssertionResult[]; pass: boolean; score: number; graderCalls: GraderCall[]; turns: TurnRecord[] }> {
  const graderCalls: GraderCall[] = [];
  const grade: GradeFn = async (messages, options) => {
    const model = options.model ?? context.grader.model ?? DEFAULT_GRADER_MODEL;
    const request = { model, messages, ...context.grader.params, temperature: 0, seed: GRADER_SEED };
    const hash = hashRequest(context.endpoint, request);
    const cached = context.cache?.get(hash) ?? null;
    const call: GraderCall = { model, requestHash: hash, cached: cached !== null, usage: null, cost: null, latencyMs: null, error: null };
    graderCalls.push(call);
    if (cached) {
      Object.assign(call, { usage: cached.usage, cost: estimateCost(context.pricing, model, cached.usage), latencyMs: cached.latencyMs });
      return cached.content;
    }
    if (!context.client) {
      call.error = 'no grader request made: this command does not send requests';
      throw new Error(call.error);
    }
    try {
      const completion = await context.client.complete(JSON.parse(canonicalJson(request)), { cellId: `${record.id} (grader)`, signal: context.signal });
      context.cache?.set(hash, completion);
      Object.assign(call, { usage: completion.usage, cost: estimateCost(context.pricing, model, completion.usage), latencyMs: completion.latencyMs });
      return completion.content;
    } catch (error) {
      call.error = isApiError(error) ? `${error.code}: ${error.message}` : (error as Error).message;
      throw error;
    }
  };
  const recordedTurns = record.turns ?? [];
  const answerOfTurn = (turn: number | undefined): Answer | string => {
    const last = recordedTurns.at(-1);
    // The final answer of a conversation keeps the cell's totals (latency, cost) and the last turn's calls.
    if (turn === undefined) return last ? { ...answerOf(record), toolCalls: allToolCalls(last) } : answerOf(record);
    if (recordedTurns.length === 0) return turn === 1 ? answerOf(record) : `turn ${turn}: this cell is not a conversation`;
    const found = recordedTurns[turn - 1];
    return found ? answerOf({ ...found, cost: null, citations: [], params: record.params }) : `turn ${turn}: the conversation has ${recordedTurns.length} turns`;
  };
  const scoreOne = async (spec: AssertionSpec, answer: Answer | string): Promise<AssertionResult> =>
    typeof answer === 'string'
      ? { type: spec.type, pass: false, score: 0, reason: answer, weight: spec.weight ?? 1, metric: spec.metric ?? null, error: answer }
      : scoreAnswer(answer, spec, { grade, vars, match: context.match });
  const results: AssertionResult[] = [];
  for (const spec of assertions) results.push(await scoreOne(spec, answerOfTurn(spec.turn)));
  const turns: TurnRecord[] = [];
  const allResults = [...results];
  for (const [index, turn] of recordedTurns.entries()) {
    const turnResults: AssertionResult[] = [];
    for (const spec of plannedTurns[index]?.assertions ?? []) turnResults.push(await scoreOne(spec, answerOfTurn(index + 1)));
    allResults.push(...turnResults);
    const turnScore = turnResults.length > 0 ? scoreCase(turnResults) : null;
    turns.push({ ...turn, assertions: turnResults, pass: turnScore?.pass ?? null, score: turnScore?.score ?? null });
  }
  const { pass, score } = scoreCase(allResults, threshold ?? undefined);
  return { assertions: results, pass, score, graderCalls, turns };
}
