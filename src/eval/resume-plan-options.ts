/**
 * The plan options of `--resume DIR`: read from the directory's run.json, checked against the options given
 * (see run/resume-options.ts). Called before the plan is built, so a mismatch fails before any request.
 */
import { join } from 'node:path';
import type { PlanOptions } from '../plan/index.js';
import { readRunMetaForResume, resolveResumeOptions, RUN_META_FILE, type GivenPlanOptions } from '../run/index.js';
import type { Suite } from '../suite/index.js';
import { resolveRunPath } from './run-location.js';

/** The options to rebuild the plan of the run in `runDir` with; throws a `UsageError` when `given` contradicts them. */
export function resumePlanOptions(runDir: string, given: GivenPlanOptions, suite: Pick<Suite, 'repeat'>): PlanOptions {
  const dir = resolveRunPath(runDir);
  const meta = readRunMetaForResume(dir);
  return resolveResumeOptions(meta.plan, given, suite.repeat, join(dir, RUN_META_FILE));
}
