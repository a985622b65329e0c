/** `run --baseline`: compare the finished run with a committed baseline and print the verdict. */
import { compareExitCode, renderCompareMarkdown, renderCompareText } from '../compare/index.js';
import { ExitCode } from '../errors.js';
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
