/**
 * Grader requests (llm-rubric and the other model-graded kinds, and pairwise judges): temperature 0 and a fixed
 * seed, through the same client, cache, limits and cost accounting as the answers, each call recorded.
 */
import { DEFAULT_GRADER_MODEL, type GradeFn } from '../assert/index.js';
import { isApiError } from '../client/index.js';
import { canonicalJson } from '../plan/index.js';
import { hashRequest } from './cache.js';
import { estimateCost } from './cost.js';
import type { GraderCall } from './record.js';
import type { ScoreContext } from './score-cell.js';

/** The seed every grader request carries, so grading is as reproducible as the answers. */
export const GRADER_SEED = 20240601;

/**
 * A `GradeFn` that sends grader requests for `label` (a cell id, shown in client events) and appends a
 * `GraderCall` to `calls` for each. The model is the caller's, else the suite grader, else the default.
 */
export function graderFor(context: ScoreContext, label: string, calls: GraderCall[]): GradeFn {
  return async (messages, options) => {
    const model = options.model ?? context.grader.model ?? DEFAULT_GRADER_MODEL;
    const request = { model, messages, ...context.grader.params, temperature: 0, seed: GRADER_SEED };
    const hash = hashRequest(context.endpoint, request);
    const cached = context.cache?.get(hash) ?? null;
    const call: GraderCall = { model, requestHash: hash, cached: cached !== null, usage: null, cost: null, latencyMs: null, error: null };
    calls.push(call);
    if (cached) {
      Object.assign(call, { usage: cached.usage, cost: estimateCost(context.pricing, model, cached.usage), latencyMs: cached.latencyMs });
      return cached.content;
    }
    if (!context.client) {
      call.error = 'no grader request made: this command does not send requests';
      throw new Error(call.error);
    }
    try {
      const completion = await context.client.complete(JSON.parse(canonicalJson(request)), { cellId: label, signal: context.signal });
      context.cache?.set(hash, completion);
      Object.assign(call, { usage: completion.usage, cost: estimateCost(context.pricing, model, completion.usage), latencyMs: completion.latencyMs });
      return completion.content;
    } catch (error) {
      call.error = isApiError(error) ? `${error.code}: ${error.message}` : (error as Error).message;
      throw error;
    }
  };
}
