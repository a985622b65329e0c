/** `run --baseline`: compare the finished run with a committed baseline and print the verdict. */
import { compareExitCode, renderCompareMarkdown, renderCompareText } from '../compare/index.js';
import { ExitCode } from '../errors.js';
import { readRunMeta } from '../run/index.js';
import { resolveRunPath } from './run-location.js';
import { compareRunPaths } from './compare-runs.js';
import { appendStepSummary } from './github.js';
import { emitCompareAnnotations } from './compare-annotations.js';

/** Compares; returns true on a regression. */
export async function compareBaseline(baseline: string, runDir: string, options: { alpha: number; maxDrop: number; color: boolean; quiet: boolean }): Promise<boolean> {
  const { report, headSuitePath } = await compareRunPaths(baseline, runDir, { alpha: options.alpha, maxDrop: options.maxDrop });
  if (!options.quiet) process.stdout.write(`\n${renderCompareText(report, { color: options.color })}\n`);
  appendStepSummary(renderCompareMarkdown(report));
  emitCompareAnnotations(report, headSuitePath);
  return compareExitCode(report) === ExitCode.failed;
}

/**
 * Reads the baseline's metadata so a missing or foreign baseline fails before the run spends anything;
 * `run` should call this before its first request (a `CheckpointError`, exit 2, otherwise).
 */
export async function checkBaseline(baseline: string): Promise<void> {
  await readRunMeta(resolveRunPath(baseline));
}
