/**
 * `--shard i/n` or `--shard auto`, which reads the parallel-job variables of the CI system running the job:
 * GitLab (CI_NODE_INDEX 1-based, CI_NODE_TOTAL), Buildkite (BUILDKITE_PARALLEL_JOB 0-based,
 * BUILDKITE_PARALLEL_JOB_COUNT) and Kubernetes Indexed Jobs (JOB_COMPLETION_INDEX 0-based, with the count from
 * --shard-total or JOB_COMPLETION_TOTAL, since Kubernetes does not expose it).
 */
import { UsageError } from '../errors.js';
import { parseShard, type Shard } from '../plan/index.js';

/** Where a CI system keeps its shard number and count, and whether the number counts from 0. */
interface ShardSource {
  system: string;
  indexName: string;
  countName: string;
  isZeroBased: boolean;
}

/** Resolves the shard flag; null when not sharding. */
export function resolveShard(value: unknown, total: unknown, env: NodeJS.ProcessEnv): Shard | null {
  if (value === undefined || value === null) {
    if (total !== undefined && total !== null) throw new UsageError('--shard-total is only read with --shard auto: add --shard auto, or drop --shard-total');
    return null;
  }
  const text = String(value);
  if (text !== 'auto') {
    if (total !== undefined && total !== null) throw new UsageError(`--shard-total is only read with --shard auto, but --shard is "${text}": drop --shard-total`);
    return parseShard(text);
  }
  if (env.CI_NODE_INDEX !== undefined || env.CI_NODE_TOTAL !== undefined) {
    return fromEnv({ system: 'GitLab', indexName: 'CI_NODE_INDEX', countName: 'CI_NODE_TOTAL', isZeroBased: false }, env.CI_NODE_INDEX, env.CI_NODE_TOTAL);
  }
  if (env.BUILDKITE_PARALLEL_JOB !== undefined || env.BUILDKITE_PARALLEL_JOB_COUNT !== undefined) {
    return fromEnv({ system: 'Buildkite', indexName: 'BUILDKITE_PARALLEL_JOB', countName: 'BUILDKITE_PARALLEL_JOB_COUNT', isZeroBased: true }, env.BUILDKITE_PARALLEL_JOB, env.BUILDKITE_PARALLEL_JOB_COUNT);
  }
  if (env.JOB_COMPLETION_INDEX !== undefined) {
    const fromFlag = total !== undefined && total !== null;
    const count = fromFlag ? String(total) : env.JOB_COMPLETION_TOTAL;
    if (count === undefined) throw new UsageError('--shard auto: JOB_COMPLETION_INDEX is set but the shard count is not: pass --shard-total N or set JOB_COMPLETION_TOTAL');
    return fromEnv({ system: 'Kubernetes', indexName: 'JOB_COMPLETION_INDEX', countName: fromFlag ? '--shard-total' : 'JOB_COMPLETION_TOTAL', isZeroBased: true }, env.JOB_COMPLETION_INDEX, count);
  }
  throw new UsageError('--shard auto: no CI parallel-job variables found (CI_NODE_INDEX/CI_NODE_TOTAL, BUILDKITE_PARALLEL_JOB/BUILDKITE_PARALLEL_JOB_COUNT or JOB_COMPLETION_INDEX); pass --shard i/n instead');
}

/** The shard named by one CI system's variables; every message names the variable at fault. */
function fromEnv(source: ShardSource, rawIndex: string | undefined, rawCount: string | undefined): Shard {
  const { system, indexName, countName, isZeroBased } = source;
  const count = whole(countName, rawCount, 1);
  const first = isZeroBased ? 0 : 1;
  const index = whole(indexName, rawIndex, first);
  if (index - first >= count) {
    throw new UsageError(`--shard auto: ${indexName}=${index} is out of range for ${countName}=${count} (${system} counts from ${first}): expected ${first}..${count - 1 + first}`);
  }
  return { index: index - first + 1, count };
}

/** A variable's whole-number value; an unset or malformed variable is a `UsageError` naming it. */
function whole(name: string, raw: string | undefined, min: number): number {
  if (raw === undefined || raw.trim() === '') throw new UsageError(`--shard auto: ${name} is not set, expected a whole number >= ${min}`);
  if (!/^\d+$/.test(raw.trim()) || Number(raw) < min) throw new UsageError(`--shard auto: ${name}="${raw}" is not a whole number >= ${min}`);
  return Number(raw);
}
