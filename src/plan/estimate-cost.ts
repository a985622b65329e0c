/**
 * What a plan may cost before anything is sent, from the suite's `pricing` (USD per 1M input and output tokens,
 * by model id). Both halves are estimates and are named as such wherever they are shown: prompt tokens are the
 * characters of the rendered request (messages and tool definitions) divided by 4, a common rule of thumb for
 * English text that no tokenizer here can improve on for every model; completion tokens are bounded by the
 * request's `max_tokens`, so the cost is an upper bound for the answers only when every request sets it.
 * A conversation counts one request per user turn, each resending the history; tool-result rounds, image tokens
 * and grader requests are not counted (they depend on answers not yet given).
 */
import type { Cell, Plan } from './types.js';

/** Characters per token of the prompt estimate. */
export const CHARS_PER_TOKEN = 4;

/** The estimate of one model's cells. */
export interface ModelCostEstimate {
  /** Model label. */
  model: string;
  modelId: string;
  /** Answer requests: one per cell and user turn. */
  requests: number;
  /** Estimated prompt tokens over those requests. */
  promptTokens: number;
  /** The most completion tokens the requests may return (their `max_tokens`), or null when some request sets none. */
  maxCompletionTokens: number | null;
  /**
   * Estimated USD: prompt tokens at the input price plus `maxCompletionTokens` at the output price; the prompt
   * part alone when the completion is unbounded. Null when the suite has no price for the model id.
   */
  cost: number | null;
}

/** The estimate of a whole plan. */
export interface PlanCostEstimate {
  models: ModelCostEstimate[];
  /** The sum of the priced models, or null when no model is priced. */
  cost: number | null;
  /** True when some priced request sets no `max_tokens`, so `cost` leaves out (part of) the completions. */
  isUnbounded: boolean;
  /** True when some model has no price, so `cost` leaves it out. */
  hasUnpriced: boolean;
}

/** Estimated prompt tokens of a text or JSON value. */
function tokensOf(chars: number): number {
  return Math.ceil(chars / CHARS_PER_TOKEN);
}

/** Characters of a request's prompt side: message texts (images not counted) and tool definitions. */
function promptChars(cell: Cell): number {
  let chars = 0;
  for (const message of cell.request.messages) {
    const content = message.content;
    if (typeof content === 'string') chars += content.length;
    else if (content !== null) for (const part of content) if (part.type === 'text') chars += part.text.length;
  }
  if (cell.request.tools !== undefined) chars += JSON.stringify(cell.request.tools).length;
  return chars;
}

/** The estimate of every model of `plan`, in suite order. */
export function estimatePlanCost(plan: Plan): PlanCostEstimate {
  const pricing = plan.suite.pricing;
  const byModel = new Map<string, ModelCostEstimate>(
    plan.models.map((model) => [model.label, { model: model.label, modelId: model.id, requests: 0, promptTokens: 0, maxCompletionTokens: 0, cost: null }]),
  );
  for (const cell of plan.cells()) {
    const estimate = byModel.get(cell.model)!;
    const turns = 1 + cell.turns.length;
    estimate.requests += turns;
    const maxTokens = cell.request.max_tokens;
    // Each later turn resends the history: the earlier answers (at their max_tokens bound, or nothing when
    // unbounded) and the new user message on top of the first request.
    let history = tokensOf(promptChars(cell));
    estimate.promptTokens += history;
    for (const turn of cell.turns) {
      history += (typeof maxTokens === 'number' ? maxTokens : 0) + tokensOf(typeof turn.content === 'string' ? turn.content.length : JSON.stringify(turn.content).length);
      estimate.promptTokens += history;
    }
    if (typeof maxTokens === 'number' && estimate.maxCompletionTokens !== null) estimate.maxCompletionTokens += maxTokens * turns;
    else estimate.maxCompletionTokens = null;
  }
  let total: number | null = null;
  let isUnbounded = false;
  let hasUnpriced = false;
  for (const estimate of byModel.values()) {
    const price = pricing[estimate.modelId];
    if (!price) {
      hasUnpriced = true;
      continue;
    }
    const completion = estimate.maxCompletionTokens ?? 0;
    if (estimate.maxCompletionTokens === null) isUnbounded = true;
    // Rounded like the answers' own estimates, so sums print no float noise.
    estimate.cost = Math.round(((estimate.promptTokens * price.input + completion * price.output) / 1e6) * 1e8) / 1e8;
    total = (total ?? 0) + estimate.cost;
  }
  return { models: [...byModel.values()], cost: total === null ? null : Math.round(total * 1e8) / 1e8, isUnbounded, hasUnpriced };
}
