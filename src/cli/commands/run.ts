/**
 * `onetoken-eval run <suite...>`: load and plan every suite first (a bad suite fails before any request), then
 * `runSuite` each into its directory, print, and pick the exit code.
 */
import { join } from 'node:path';
import { EnvironmentError, ExitCode, UsageError } from '../../errors.js';
import { resumeCommandFor } from '../resume-command.js';
import { checkBaseline, resolveRunPath, resumePlanOptions, runSuite, type RunSuiteResult } from '../../eval/index.js';
import { renderCompareJson } from '../../compare/index.js';
import { buildPlan } from '../../plan/index.js';
import { loadSuites } from '../../suite/index.js';
import { commandEndpoint } from '../mock-endpoint.js';
import { exitCodeOf, worseExitCode } from '../exit-code.js';
import { compareOptionsOf, suiteOptionsOf, type OptionValues } from '../options.js';
import { printRunResult } from '../run-output.js';
import { resolveShard } from '../shard-option.js';
import { handleSuiteWarnings } from '../suite-warnings.js';
import { handleInterrupts } from '../signals.js';
import { ErrorSamples } from '../error-samples.js';
import { assertStepSummaryWritable } from '../github.js';
import { Terminal } from '../terminal.js';

/** Runs suites. */
export async function runCommand(paths: string[], options: OptionValues): Promise<number> {
  const startedAt = new Date();
  const shard = resolveShard(options.shard, options.shardTotal, process.env);
  if (options.resume && paths.length > 1) throw new UsageError('--resume takes one suite: the one the run directory was made with');
  if (options.resume && options.out) throw new UsageError('--resume DIR already names the run directory: drop --out');
  // Not given (undefined) differs from "none": a resume takes what was not given from run.json.
  const pairwise = options.pairwise ? { models: 'all' as const, rubric: String(options.pairwise) } : undefined;
  const given = { models: options.models, filter: options.filter, shard: options.shard === undefined ? undefined : shard, repeat: options.repeat, pairwise };
  const suites = loadSuites(paths, suiteOptionsOf(options));
  handleSuiteWarnings(suites, Boolean(options.strict), (line) => process.stderr.write(`onetoken-eval: ${line}\n`));
  const plans = suites.map((suite) => buildPlan(suite, options.resume ? resumePlanOptions(options.resume, given, suite) : given));
  const compare = compareOptionsOf(options);
  // A wrong baseline, comparison option or unwritable step summary must fail before any money is spent.
  if (options.baseline) for (const plan of plans) await checkBaseline(plan, options.baseline, compare, Boolean(options.mock));
  assertStepSummaryWritable();
  const terminal = new Terminal(options);
  const interruption = handleInterrupts((text) => terminal.say(text));
  const { endpoint, close } = await commandEndpoint(Boolean(options.mock), { maxAttempts: options.maxAttempts, timeoutMs: options.timeoutMs, maxResponseBytes: options.maxResponseBytes, verbose: options.verbose ? (line) => terminal.say(line) : undefined });
  const results: { result: RunSuiteResult; exitCode: number }[] = [];
  let exitCode = 0;
  try {
    for (const plan of plans) {
      const runDir = options.resume ? resolveRunPath(options.resume) : options.out ? (plans.length > 1 ? join(options.out, plan.suite.name) : options.out) : undefined;
      const errorSamples = new ErrorSamples();
      const result = await runSuite(plan, {
        runDir, resume: Boolean(options.resume), allowChangedSuite: options.allowChangedSuite, retryErrors: options.retryErrors,
        cache: options.cache === false ? false : options.cacheDir, limitsPerShard: options.limitsPerShard === 'full' ? 'full' : 'split', concurrency: options.concurrency, maxCostUsd: options.maxCost, regexTimeoutMs: options.regexTimeoutMs,
        endpoint, baseline: options.baseline, compare, junitPath: options.junit, html: options.html,
        startedAt, stop: interruption.stop, abort: interruption.abort,
        onStart: ({ runDir: dir, endpoint }) => terminal.startRun(plan, dir, endpoint, options.concurrency),
        onCell: (record) => {
          terminal.progress?.cell(record);
          errorSamples.add(record);
        },
        onResumed: (cells, spentUsd) => terminal.progress?.resumed(cells, spentUsd),
        onEvent: (event) => terminal.progress?.event(event),
        onWarning: (message) => terminal.say(`warning: ${message}`),
      }).catch((error: unknown) => {
        // The machine failed mid-run: the journal is intact, so say how to continue once it is fixed.
        if (!(error instanceof EnvironmentError)) throw error;
        throw new EnvironmentError(`${error.template}; once fixed, resume with: ${resumeCommandFor(plan.suite.path, error.runDir, options)}`, error.runDir, { cause: error });
      });
      terminal.finishRun();
      const code = exitCodeOf({ summary: result.summary, outcome: result.outcome, comparison: result.comparison, isInterrupted: interruption.isInterrupted, minPassRate: options.minPassRate });
      await printRunResult(result, { options, terminal, errorSamples, exitCode: code });
      results.push({ result, exitCode: code });
      exitCode = worseExitCode(exitCode, code);
      if (code === ExitCode.interrupted) break;
    }
  } finally {
    interruption.dispose();
    await close();
  }
  if (options.json) {
    const json = results.map(({ result, exitCode: code }) => ({
      suite: result.plan.suite.path, runDir: result.runDir, exitCode: code, summary: result.summary, stopped: result.outcome.stopped, skipped: result.outcome.skipped,
      ...(options.baseline ? { comparison: result.comparison ? JSON.parse(renderCompareJson(result.comparison)) as unknown : null } : {}),
    }));
    process.stdout.write(`${JSON.stringify(json.length === 1 ? json[0] : json, null, 2)}\n`);
  }
  return exitCode;
}
