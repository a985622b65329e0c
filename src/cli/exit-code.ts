/**
 * The exit-code policy of every command, in one place: a command's result (data from `eval/`) -> the process exit
 * code. 0 success; 1 assertions failed or a regression; 2 invalid input; 3 the API gave up or a run stopped
 * early; 4 a bug; 130 interrupted after the checkpoint was flushed.
 */
import type { CompareReport } from '../compare/index.js';
import { ExitCode } from '../errors.js';
import type { RunSummary } from '../report/index.js';
import type { RunOutcome } from '../run/index.js';

/** What decides an exit code; each command fills in what it has. */
export interface ExitFacts {
  summary?: RunSummary;
  outcome?: RunOutcome;
  /** A comparison whose regression fails the command (`compare`, `run --baseline`). */
  comparison?: CompareReport | null;
  isInterrupted?: boolean;
  /** Input problems found after the work was done (merge: cells in no shard). */
  isIncomplete?: boolean;
  /** Requests that failed outside the cells (rescore: grader calls). */
  apiErrors?: number;
}

/** The exit code for a command's result. */
export function exitCodeOf(facts: ExitFacts): number {
  if (facts.isInterrupted || facts.outcome?.stopped?.reason === 'interrupted') return ExitCode.interrupted;
  if (facts.isIncomplete) return ExitCode.invalidInput;
  if (facts.outcome?.stopped || (facts.outcome?.skipped ?? 0) > 0 || (facts.summary?.errored ?? 0) > 0 || (facts.apiErrors ?? 0) > 0) return ExitCode.api;
  if ((facts.summary?.failed ?? 0) > 0 || facts.comparison?.verdict === 'regression') return ExitCode.failed;
  return ExitCode.ok;
}

/** Severity order when several suites run: interrupted > api > invalid > failed > ok. */
export function worseExitCode(a: number, b: number): number {
  const rank = (code: number) => [ExitCode.ok, ExitCode.failed, ExitCode.invalidInput, ExitCode.api, ExitCode.interrupted].indexOf(code as never);
  return rank(b) > rank(a) ? b : a;
}
