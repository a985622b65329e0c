/** `onetoken-eval compare <base> <head>`: paired regression checks between two runs. */
import { compareExitCode, renderCompareJson, renderCompareMarkdown, renderCompareText } from '../../compare/index.js';
import { compareRunPaths } from '../compare-runs.js';
import { appendStepSummary, isStdoutFile } from '../github.js';
import { emitCompareAnnotations } from '../compare-annotations.js';

/** Compares and prints in the chosen format; exit 1 on a regression. */
export async function compareCommand(args: string[], options: Record<string, unknown>): Promise<number> {
  const [base, head] = args as [string, string];
  const { report, headSuitePath } = await compareRunPaths(base, head, { alpha: options.alpha as number, maxDrop: options.maxDrop as number });
  const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR && !process.env.CI;
  const format = options.format as string;
  const text = format === 'json' ? renderCompareJson(report) : format === 'md' ? renderCompareMarkdown(report) : renderCompareText(report, { color });
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  if (!(format === 'md' && isStdoutFile(process.env.GITHUB_STEP_SUMMARY))) appendStepSummary(renderCompareMarkdown(report));
  emitCompareAnnotations(report, headSuitePath);
  return compareExitCode(report);
}
