/**
 * The plan options of a resumed run. A run directory is one plan, and run.json records the options that shaped
 * it (models, filter, shard, repeat, a `--pairwise` rubric). Resuming with other values would quietly turn a shard into the whole suite
 * or rewrite run.json to another shard, so a value that differs from the recorded one is refused, naming the
 * option and both values, and a value not given is taken from run.json.
 */
import { optionRef, UsageError } from '../errors.js';
import type { AppliedPlanOptions, PlanOptions, Shard } from '../plan/index.js';
import type { PlanOptionsRecord } from './record.js';

/** What a resume was given: undefined means "not given" (take run.json's), null means "explicitly none". */
export type GivenPlanOptions = { [K in keyof AppliedPlanOptions]?: AppliedPlanOptions[K] | undefined };

/**
 * The plan options to resume with: the recorded ones, checked against what was given. `suiteRepeat` is the
 * suite's own repeat, so `--repeat 3` on a run recorded without an override but with `repeat: 3` still matches.
 */
export function resolveResumeOptions(recorded: PlanOptionsRecord, given: GivenPlanOptions, suiteRepeat: number, runJson: string): PlanOptions {
  const mismatch = (name: keyof AppliedPlanOptions, wanted: string, had: string) =>
    new UsageError(`${optionRef(name)} ${wanted} does not match the run directory's ${had} (${runJson}): resume with the same value, or leave ${optionRef(name)} out to take it from run.json`);
  if (given.shard !== undefined && !sameShard(given.shard, recorded.shard)) throw mismatch('shard', shardText(given.shard), shardText(recorded.shard));
  if (given.filter !== undefined && (given.filter ?? null) !== recorded.filter) throw mismatch('filter', given.filter ?? 'none', recorded.filter ?? 'none');
  if (given.models !== undefined && modelsText(given.models) !== modelsText(recorded.models)) throw mismatch('models', modelsText(given.models), modelsText(recorded.models));
  if (given.repeat !== undefined && (given.repeat ?? suiteRepeat) !== (recorded.repeat ?? suiteRepeat)) {
    throw mismatch('repeat', String(given.repeat ?? suiteRepeat), String(recorded.repeat ?? suiteRepeat));
  }
  const recordedRubric = recorded.pairwise?.rubric ?? null;
  if (given.pairwise !== undefined && (given.pairwise?.rubric ?? null) !== recordedRubric) {
    throw mismatch('pairwise', given.pairwise ? JSON.stringify(given.pairwise.rubric) : 'none', recordedRubric === null ? 'none (the suite\'s own)' : JSON.stringify(recordedRubric));
  }
  return { models: recorded.models ?? undefined, filter: recorded.filter ?? undefined, shard: recorded.shard, repeat: recorded.repeat ?? undefined, pairwise: recorded.pairwise ?? null };
}

function sameShard(a: Shard | null, b: Shard | null): boolean {
  return a === null || b === null ? a === b : a.index === b.index && a.count === b.count;
}

function shardText(shard: Shard | null): string {
  return shard === null ? 'none (the whole plan)' : `${shard.index}/${shard.count}`;
}

function modelsText(models: string[] | null): string {
  return models === null || models.length === 0 ? 'all' : [...models].sort().join(',');
}
