/**
 * Cost estimates from token usage and the suite's `pricing` (USD per 1M input and output tokens, by model id).
 * What a record *spent* (the cache's answers free) is the wire leaf's `spendOf`, shared with the summary.
 */
import type { Usage } from '../wire/index.js';

/** USD per 1M tokens, by model id. */
export type Pricing = Record<string, { input: number; output: number }>;

/** The cost of one answer, or null when the model has no price or the server reported no usage. */
export function estimateCost(pricing: Pricing, modelId: string, usage: Usage | null): number | null {
  const price = pricing[modelId];
  if (!price || !usage) return null;
  // Rounded to a millionth of a cent so sums do not print float noise in reports.
  return Math.round(((usage.promptTokens * price.input + usage.completionTokens * price.output) / 1e6) * 1e8) / 1e8;
}

