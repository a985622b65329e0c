/**
 * What `run` prints after each suite: the step summary and annotations inside GitHub Actions, the summary table,
 * the errors met, why the run stopped and how to continue it, and the baseline verdict.
 */
import { renderCompareMarkdown, renderCompareText } from '../compare/index.js';
import { ExitCode, wordOptions } from '../errors.js';
import type { RunSuiteResult } from '../eval/index.js';
import { formatCount, plural, renderPairwiseText } from '../report/index.js';
import { describeEndpoint, MOCK_BASE_URL } from '../wire/index.js';
import { emitFailureAnnotations } from './annotations.js';
import { emitCompareAnnotations } from './compare-annotations.js';
import type { ErrorSamples } from './error-samples.js';
import { passRateShortfall } from './exit-code.js';
import { appendStepSummary } from './github.js';
import { flagOf, type OptionValues } from './options.js';
import { resumeCommandFor } from './resume-command.js';
import { renderRunSummary } from './summary-output.js';
import type { Terminal } from './terminal.js';

/** Prints one suite's result. */
export async function printRunResult(result: RunSuiteResult, context: { options: OptionValues; terminal: Terminal; errorSamples: ErrorSamples; exitCode: number }): Promise<void> {
  const { options, terminal } = context;
  appendStepSummary(result.summaryMarkdown);
  await emitFailureAnnotations(result.plan, result.runDir);
  if (!options.json) {
    const unfinished = result.summary.complete ? '' : ` (incomplete: ${formatCount(result.summary.missingCells)} of ${plural(result.meta.cells, 'cell has', 'cells have')} no record)`;
    const title = `${result.plan.suite.name}: ${result.runDir} · endpoint ${describeEndpoint(result.summary.endpoint)}${unfinished}`;
    process.stdout.write(`\n${renderRunSummary({ title, runDir: result.runDir, summary: result.summary, failures: result.failures, color: terminal.color, isQuiet: terminal.isQuiet })}`);
  }
  if (!options.json && result.summary.pairwise) process.stdout.write(`\n${renderPairwiseText(result.summary.pairwise)}\n`);
  if (result.judgments && result.judgments.pending > 0 && !result.outcome.stopped) {
    terminal.say(`${plural(result.judgments.pending, 'pairwise judgment was', 'pairwise judgments were')} not made (an answer is missing or errored); continue with: ${resumeCommandFor(result.plan.suite.path, result.runDir, options)} --retry-errors`);
  }
  for (const line of context.errorSamples.lines()) terminal.say(line);
  reportStop(result, options, (text) => terminal.say(text));
  for (const id of result.outcome.modelsNotFound) terminal.say(modelNotFoundLine(id, result.meta.baseUrl));
  const shortfall = options.minPassRate === undefined ? null : passRateShortfall(result.summary, options.minPassRate);
  if (shortfall) terminal.say(shortfall);
  if (options.baseline && !result.comparison && context.exitCode !== ExitCode.interrupted) terminal.say('not compared with the baseline: the run did not finish');
  if (result.comparison && context.exitCode !== ExitCode.interrupted) {
    if (!options.json) process.stdout.write(`\n${renderCompareText(result.comparison, { color: terminal.color })}\n`);
    appendStepSummary(renderCompareMarkdown(result.comparison));
    emitCompareAnnotations(result.comparison, result.plan.suite.path);
  }
}

/** Says why the run stopped early and how to continue it. */
function reportStop(result: RunSuiteResult, options: OptionValues, say: (text: string) => void): void {
  const { stopped } = result.outcome;
  // Cells without a record, not just the ones never dispatched: requests cancelled in flight are missing too.
  const missing = result.summary.missingCells;
  const resume = resumeCommandFor(result.plan.suite.path, result.runDir, options);
  if (!stopped) {
    if (missing > 0) say(`${plural(missing, 'cell was', 'cells were')} not run; continue with: ${resume}`);
    // Errored cells keep their error on resume unless asked again; say how, with the exact command.
    else if (result.summary.errored > 0) say(`${plural(result.summary.errored, 'cell')} ended in errors; once the cause is fixed, retry them with: ${resume} --retry-errors`);
    return;
  }
  const left = `${plural(missing, 'cell')} not run`;
  const message = wordOptions(stopped.template, flagOf);
  if (stopped.reason === 'interrupted') say(`interrupted: reports written for the finished cells, ${left}; resume with: ${resume}`);
  else if (stopped.reason === 'auth') say(`stopped: the API key was rejected (${message}); check ONETOKEN_API_KEY, then resume with: ${resume}`);
  else if (stopped.reason === 'quota') say(`stopped: the account's quota is exhausted (${message}); top up, then resume with: ${resume}`);
  else say(`stopped: ${message}; ${left}; raise --max-cost and resume with: ${resume}`);
}

/** Names a model id the API did not know, and a base URL without `/v1` as the likely cause when there is one. */
export function modelNotFoundLine(modelId: string, baseUrl: string): string {
  const line = `model id "${modelId}" was not found (404): its remaining cells were recorded as errored without a request; check the id with \`onetoken-eval models\``;
  if (baseUrl === MOCK_BASE_URL || /\/v1\/?$/.test(baseUrl)) return line;
  return `${line}; the base URL ${baseUrl} does not end in /v1, the likely cause (try ONETOKEN_BASE_URL=${baseUrl.replace(/\/+$/, '')}/v1)`;
}
