/**
 * Scoring a cell: every assertion of the cell against its recorded answer, model-graded ones through a grader
 * that goes through the same client, cache, limits and cost accounting as the cell's own request.
 */
import { applyTransform, failedAssertion, scoreAnswer, scoreCase } from '../assert/index.js';
import type { Answer, AssertionResult, CellFacts, KindContext, RunCheckFn } from '../assert/index.js';
import type { OnetokenClient } from '../client/index.js';
import type { Cell } from '../plan/index.js';
import { graderFor } from './grader-call.js';
import type { RequestParams } from '../suite/index.js';
import type { ResponseCache } from './cache.js';
import type { Pricing } from './cost.js';
import type { CellRecord, GraderCall } from './record.js';

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
  /** Runs JavaScript checks and transforms (a `CheckPool`); absent, they error. */
  runCheck?: RunCheckFn;
}

/** What of a cell scoring needs: its assertions, threshold, transform and variables. */
export type ScoredCell = Pick<Cell, 'assertions' | 'threshold' | 'transform' | 'vars'>;

/** What scoring adds to a record. */
export interface ScoredRecord {
  transformedOutput: string | null;
  assertions: AssertionResult[];
  pass: boolean;
  score: number;
  graderCalls: GraderCall[];
}

/** The facts of a record that JavaScript checks see in their context. */
function factsOf(record: CellRecord): CellFacts {
  return { prompt: record.prompt, case: record.case, model: record.model, modelId: record.modelId, repeat: record.repeat, messages: record.messages, usage: record.usage };
}


/** The view of a record that assertions see. */
export function answerOf(record: Pick<CellRecord, 'output' | 'finishReason' | 'latencyMs' | 'cost' | 'usage' | 'citations'>): Answer {
  return {
    output: record.output ?? '',
    finishReason: record.finishReason,
    latencyMs: record.latencyMs,
    cost: record.cost,
    completionTokens: record.usage?.completionTokens ?? null,
    citations: record.citations.map((citation) => ({ url: citation.url, title: citation.title })),
  };
}

/**
 * Scores an answered record: the prompt's transform first (its result recorded as `transformedOutput`; when
 * it fails, every assertion is errored with its reason), then every assertion; returns the results, pass,
 * score and the grader calls made.
 */
export async function scoreRecord(record: CellRecord, cell: ScoredCell, context: ScoreContext): Promise<ScoredRecord> {
  const graderCalls: GraderCall[] = [];
  const grade = graderFor(context, `${record.id} (grader)`, graderCalls);
  const kindContext: KindContext = { grade, vars: cell.vars, runCheck: context.runCheck, cell: factsOf(record) };
  let answer = answerOf(record);
  let transformedOutput: string | null = null;
  const results: AssertionResult[] = [];
  const transformed = cell.transform ? await applyTransform(cell.transform, answer, kindContext) : null;
  if (transformed && !transformed.ok) {
    for (const spec of cell.assertions) results.push(failedAssertion(spec, transformed.error));
  } else {
    if (transformed) answer = { ...answer, output: (transformedOutput = transformed.output) };
    for (const spec of cell.assertions) results.push(await scoreAnswer(answer, spec, kindContext));
  }
  const { pass, score } = scoreCase(results, cell.threshold ?? undefined);
  return { transformedOutput, assertions: results, pass, score, graderCalls };
}
