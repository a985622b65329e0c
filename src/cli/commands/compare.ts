/** `onetoken-eval compare <base> <head>`: paired regression checks between two runs. */
import { renderCompareJson, renderCompareMarkdown, renderCompareText } from '../../compare/index.js';
import { compareRuns } from '../../eval/index.js';
import { exitCodeOf } from '../exit-code.js';
import { appendStepSummary, isStdoutFile } from '../github.js';
import { emitCompareAnnotations } from '../compare-annotations.js';
import { compareOptionsOf, type OptionValues } from '../options.js';
import { isColorStdout } from '../terminal.js';

/** Compares and prints in the chosen format; exit 1 on a regression. */
export async function compareCommand(args: string[], options: OptionValues): Promise<number> {
  const [base, head] = args as [string, string];
  // `--html FILE` and `--no-html` share commander's attribute name `html`; compare has only the first.
  const htmlFile = (options as { html?: unknown }).html;
  const { report, head: headMeta, htmlPath } = await compareRuns(base, head, { ...compareOptionsOf(options), html: typeof htmlFile === 'string' ? htmlFile : false });
  const color = isColorStdout();
  const format = options.format;
  const text = format === 'json' ? renderCompareJson(report) : format === 'md' ? renderCompareMarkdown(report) : renderCompareText(report, { color });
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  if (!(format === 'md' && isStdoutFile(process.env.GITHUB_STEP_SUMMARY))) appendStepSummary(renderCompareMarkdown(report));
  emitCompareAnnotations(report, headMeta.suite.path);
  if (htmlPath) process.stderr.write(`report: ${htmlPath}\n`);
  return exitCodeOf({ comparison: report });
}
