/**
 * The exit-code policy of every command, in one place: a command's result (data from `eval/`) -> the process exit
 * code. 0 success; 1 assertions failed or a regression; 2 invalid input; 3 the API gave up or a run stopped
 * early; 4 a bug; 130 interrupted after the checkpoint was flushed.
 *
 * With a baseline comparison the exit code is the gate's: a known failure that the baseline also had is not a
 * reason to fail the build, a regression is; so failed assertions alone do not give 1 there.
 */
import type { CompareReport } from '../compare/index.js';
import { ExitCode } from '../errors.js';
import { formatCount, formatPercent, type RunSummary } from '../report/index.js';
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
  /** The pass-rate floor (0..1) of `--min-pass-rate`: below it is exit 1, with or without a baseline; at or above it, failed cells alone are not. */
  minPassRate?: number;
}

/** The exit code for a command's result. */
export function exitCodeOf(facts: ExitFacts): number {
  if (facts.isInterrupted || facts.outcome?.stopped?.reason === 'interrupted') return ExitCode.interrupted;
  if (facts.isIncomplete) return ExitCode.invalidInput;
  if (facts.outcome?.stopped || (facts.outcome?.skipped ?? 0) > 0 || (facts.summary?.errored ?? 0) > 0 || (facts.apiErrors ?? 0) > 0) return ExitCode.api;
  if (facts.summary && facts.minPassRate !== undefined && passRateShortfall(facts.summary, facts.minPassRate) !== null) return ExitCode.failed;
  // A comparison decides alone: 1 on a regression, 0 otherwise, however many cells failed in both runs.
  if (facts.comparison) return facts.comparison.verdict === 'regression' ? ExitCode.failed : ExitCode.ok;
  // A floor replaces "every cell passed": a suite with known failures can pass at 95%.
  if (facts.minPassRate !== undefined) return ExitCode.ok;
  if ((facts.summary?.failed ?? 0) > 0) return ExitCode.failed;
  return ExitCode.ok;
}

/** Why a run is below the pass-rate floor, as a message naming the option; null when it is not. */
export function passRateShortfall(summary: Pick<RunSummary, 'passRate' | 'passed' | 'failed'>, minPassRate: number): string | null {
  const rate = summary.passRate ?? 0;
  // Rates are exact fractions of counts; the slack only absorbs float rounding of the floor itself.
  if (rate + 1e-9 >= minPassRate) return null;
  return `the pass rate ${formatPercent(rate)} (${formatCount(summary.passed)}/${formatCount(summary.passed + summary.failed)}) is below --min-pass-rate ${formatPercent(minPassRate)}`;
}

/** Severity order when several suites run: interrupted > api > invalid > failed > ok. */
export function worseExitCode(a: number, b: number): number {
  const rank = (code: number) => [ExitCode.ok, ExitCode.failed, ExitCode.invalidInput, ExitCode.api, ExitCode.interrupted].indexOf(code as never);
  return rank(b) > rank(a) ? b : a;
}
