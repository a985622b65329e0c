/**
 * A model's `rpm` and `tpm` are the limits of the API key, which every shard of a run shares. N shard jobs that
 * each applied them in full could together send N times the budget, so under `--shard i/n` each shard takes 1/n
 * of each limit unless told to take them in full (one key per shard, or shards that never overlap in time).
 */
import type { Shard } from '../plan/index.js';

/** How a shard applies a model's rate limits: `split` takes 1/n of rpm and tpm, `full` all of them. */
export type LimitsPerShard = 'split' | 'full';

/** How shards apply a model's rate limits when the caller does not say. */
export const DEFAULT_LIMITS_PER_SHARD: LimitsPerShard = 'split';

/** A model's limits as a client applies them. */
export interface ModelRateLimits {
  concurrency?: number;
  rpm?: number;
  tpm?: number;
}

/** The limits one shard applies; concurrency is per process and stays as configured. */
export function limitsForShard(limits: ModelRateLimits, shard: Shard | null, mode: LimitsPerShard = DEFAULT_LIMITS_PER_SHARD): ModelRateLimits {
  if (shard === null || shard.count <= 1 || mode === 'full') return limits;
  return {
    concurrency: limits.concurrency,
    rpm: limits.rpm === undefined ? undefined : limits.rpm / shard.count,
    tpm: limits.tpm === undefined ? undefined : limits.tpm / shard.count,
  };
}
