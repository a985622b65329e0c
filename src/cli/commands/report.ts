/** `onetoken-eval report <run-dir>`: rewrites a finished run's report.html, optionally against a baseline. */
import { relative } from 'node:path';
import { ExitCode } from '../../errors.js';
import { reportRun } from '../../eval/index.js';
import type { OptionValues } from '../options.js';

/** Writes the page and prints its path. */
export async function reportCommand(args: string[], options: OptionValues): Promise<number> {
  const warn = (message: string) => process.stderr.write(`onetoken-eval: warning: ${message}\n`);
  const { path } = await reportRun(args[0]!, { baseline: options.baseline, outputPath: options.output, alpha: options.alpha, maxDrop: options.maxDrop, onWarning: warn });
  // Relative when under the working directory (shorter to read and to paste), else absolute.
  const shown = relative(process.cwd(), path);
  process.stdout.write(`report: ${shown && !shown.startsWith('..') ? shown : path}\n`);
  return ExitCode.ok;
}
