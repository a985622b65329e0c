/**
 * Scoring a cell: every assertion of the cell against its recorded answer, model-graded ones through a grader
 * that goes through the same client, cache, limits and cost accounting as the cell's own request.
 */
import { applyTransform, failedAssertion, scoreAnswer, scoreCase } from '../assert/index.js';
import type { Answer, AssertionResult, AssertionSpec, CaptureFn, CellFacts, DeclaredTool, KindContext, MatchFn, RunCheckFn, ToolCall } from '../assert/index.js';
import type { OnetokenClient } from '../client/index.js';
import type { Cell } from '../plan/index.js';
import { graderFor } from './grader-call.js';
import type { RequestParams } from '../suite/index.js';
import type { ResponseCache } from './cache.js';
import type { Pricing } from './cost.js';
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
  /** Finds a `regex` transform's match under the same limit. @default in-thread, no limit */
  capture?: CaptureFn;
  /** Runs JavaScript checks and transforms (a `CheckPool`); absent, they error. */
  runCheck?: RunCheckFn;
}

/** What of a cell scoring needs: its assertions, threshold, transform, variables and conversation turns. */
export type ScoredCell = Pick<Cell, 'assertions' | 'threshold' | 'transform' | 'vars'> & { turns?: Cell['turns'] };

/** What scoring adds to a record. */
export interface ScoredRecord {
  transformedOutput: string | null;
  assertions: AssertionResult[];
  pass: boolean;
  score: number;
  graderCalls: GraderCall[];
  turns: TurnRecord[];
}

/** The facts of a record that JavaScript checks see in their context. */
function factsOf(record: CellRecord): CellFacts {
  return { prompt: record.prompt, case: record.case, model: record.model, modelId: record.modelId, repeat: record.repeat, messages: record.messages, usage: record.usage };
}


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
 * Scores an answered record: the prompt's transform first (the final answer's result recorded as
 * `transformedOutput`; where it fails, the assertions on that answer are errored with its reason), then every
 * assertion. A cell assertion with `turn: N` scores turn N's answer, any other the final answer; a conversation's
 * turns get their own assertions scored, and the cell passes when its own and every turn's assertions do.
 */
export async function scoreRecord(record: CellRecord, cell: ScoredCell, context: ScoreContext): Promise<ScoredRecord> {
  const graderCalls: GraderCall[] = [];
  const grade = graderFor(context, `${record.id} (grader)`, graderCalls);
  const kindContext: KindContext = { grade, vars: cell.vars, match: context.match, capture: context.capture, runCheck: context.runCheck, cell: factsOf(record) };
  const recordedTurns = record.turns ?? [];
  const answerOfTurn = (turn: number | undefined): Answer | string => {
    const last = recordedTurns.at(-1);
    // The final answer of a conversation keeps the cell's totals (latency, cost) and the last turn's calls.
    if (turn === undefined) return last ? { ...answerOf(record), toolCalls: allToolCalls(last) } : answerOf(record);
    if (recordedTurns.length === 0) return turn === 1 ? answerOf(record) : `turn ${turn}: this cell is not a conversation`;
    const found = recordedTurns[turn - 1];
    return found ? answerOf({ ...found, cost: null, citations: [], params: record.params }) : `turn ${turn}: the conversation has ${recordedTurns.length} turns`;
  };
  // The prompt's transform applies to every answer an assertion looks at, each transformed once.
  const seen = new Map<number | undefined, Promise<Answer | string>>();
  const viewOf = (turn: number | undefined): Promise<Answer | string> => {
    let view = seen.get(turn);
    if (view === undefined) {
      const answer = answerOfTurn(turn);
      view = typeof answer === 'string' || !cell.transform
        ? Promise.resolve(answer)
        : applyTransform(cell.transform, answer, kindContext).then((done) => (done.ok ? { ...answer, output: done.output } : done.error));
      seen.set(turn, view);
    }
    return view;
  };
  const scoreOne = async (spec: AssertionSpec, turn: number | undefined): Promise<AssertionResult> => {
    const answer = await viewOf(turn);
    return typeof answer === 'string' ? failedAssertion(spec, answer) : scoreAnswer(answer, spec, kindContext);
  };
  const final = cell.transform ? await viewOf(undefined) : null;
  const transformedOutput = final !== null && typeof final !== 'string' ? final.output : null;
  const results: AssertionResult[] = [];
  for (const spec of cell.assertions) results.push(await scoreOne(spec, spec.turn));
  const turns: TurnRecord[] = [];
  const allResults = [...results];
  for (const [index, turn] of recordedTurns.entries()) {
    const turnResults: AssertionResult[] = [];
    for (const spec of cell.turns?.[index]?.assertions ?? []) turnResults.push(await scoreOne(spec, index + 1));
    allResults.push(...turnResults);
    const turnScore = turnResults.length > 0 ? scoreCase(turnResults) : null;
    turns.push({ ...turn, assertions: turnResults, pass: turnScore?.pass ?? null, score: turnScore?.score ?? null });
  }
  const { pass, score } = scoreCase(allResults, cell.threshold ?? undefined);
  return { transformedOutput, assertions: results, pass, score, graderCalls, turns };
}
