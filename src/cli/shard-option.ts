/**
 * `--shard i/n` or `--shard auto`, which reads the parallel-job variables of the CI system running the job:
 * GitLab (CI_NODE_INDEX 1-based, CI_NODE_TOTAL), Buildkite (BUILDKITE_PARALLEL_JOB 0-based,
 * BUILDKITE_PARALLEL_JOB_COUNT) and Kubernetes Indexed Jobs (JOB_COMPLETION_INDEX 0-based, with the count from
 * --shard-total or JOB_COMPLETION_TOTAL, since Kubernetes does not expose it).
 */
import { UsageError } from '../errors.js';
import { parseShard, type Shard } from '../plan/index.js';

/** Resolves the shard flag; null when not sharding. */
export function resolveShard(value: unknown, total: unknown, env: NodeJS.ProcessEnv): Shard | null {
  if (value === undefined || value === null) return null;
  const text = String(value);
  if (text !== 'auto') return parseShard(text);
  const whole = (name: string, raw: string | undefined, min: number): number => {
    const number = Number(raw);
    if (!/^\d+$/.test(raw ?? '') || number < min) throw new UsageError(`--shard auto: ${name}="${raw}" is not a whole number >= ${min}`);
    return number;
  };
  if (env.CI_NODE_INDEX !== undefined || env.CI_NODE_TOTAL !== undefined) {
    return parseShard(`${whole('CI_NODE_INDEX', env.CI_NODE_INDEX, 1)}/${whole('CI_NODE_TOTAL', env.CI_NODE_TOTAL, 1)}`);
  }
  if (env.BUILDKITE_PARALLEL_JOB !== undefined || env.BUILDKITE_PARALLEL_JOB_COUNT !== undefined) {
    return parseShard(`${whole('BUILDKITE_PARALLEL_JOB', env.BUILDKITE_PARALLEL_JOB, 0) + 1}/${whole('BUILDKITE_PARALLEL_JOB_COUNT', env.BUILDKITE_PARALLEL_JOB_COUNT, 1)}`);
  }
  if (env.JOB_COMPLETION_INDEX !== undefined) {
    const count = total ?? env.JOB_COMPLETION_TOTAL;
    if (count === undefined) throw new UsageError('--shard auto: JOB_COMPLETION_INDEX is set but the shard count is not: pass --shard-total N or set JOB_COMPLETION_TOTAL');
    return parseShard(`${whole('JOB_COMPLETION_INDEX', env.JOB_COMPLETION_INDEX, 0) + 1}/${whole('--shard-total', String(count), 1)}`);
  }
  throw new UsageError('--shard auto: no CI parallel-job variables found (CI_NODE_INDEX/CI_NODE_TOTAL, BUILDKITE_PARALLEL_JOB/BUILDKITE_PARALLEL_JOB_COUNT or JOB_COMPLETION_INDEX); pass --shard i/n instead');
}
