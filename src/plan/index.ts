/** Public surface of planning: Suite -> Plan, pure. */
export { buildPlan } from './build-plan.js';
export { CHARS_PER_TOKEN, estimatePlanCost } from './estimate-cost.js';
export type { ModelCostEstimate, PlanCostEstimate } from './estimate-cost.js';
export type { PlanOptions } from './build-plan.js';
export type { AppliedPlanOptions, Cell, Plan, PlannedTurn } from './types.js';
export { cellId } from './cell-id.js';
export { deriveSeed, chooseSeed, SEED_LIMIT } from './seed.js';
export { parseShard, isInShard } from './shard.js';
export type { Shard } from './shard.js';
export { compileFilter } from './glob.js';
export { canonicalJson, renderTemplate, sha256Hex } from '../suite/index.js';
export { planPairwise } from './pairwise-plan.js';
export type { JudgmentCell, PairwisePlan } from './pairwise-plan.js';
