/**
 * `onetoken-eval run <suite...>`: load and plan every suite first (a bad suite fails before any request), then
 * `runSuite` each into its directory, print, and pick the exit code.
 */
import { join } from 'node:path';
import { ExitCode, UsageError } from '../../errors.js';
import { readRunSide, resolveRunPath, runSuite, type RunSuiteResult } from '../../eval/index.js';
import { buildPlan } from '../../plan/index.js';
import { loadSuites } from '../../suite/index.js';
import { commandEndpoint } from '../mock-endpoint.js';
import { exitCodeOf, worseExitCode } from '../exit-code.js';
import type { OptionValues } from '../options.js';
import { printRunResult } from '../run-output.js';
import { resolveShard } from '../shard-option.js';
import { handleSuiteWarnings } from '../suite-warnings.js';
import { handleInterrupts } from '../signals.js';
import { ErrorSamples } from '../error-samples.js';
import { Terminal } from '../terminal.js';

/** Runs suites. */
export async function runCommand(paths: string[], options: OptionValues): Promise<number> {
  const startedAt = new Date();
  const shard = resolveShard(options.shard, options.shardTotal, process.env);
  if (options.resume && paths.length > 1) throw new UsageError('--resume takes one suite: the one the run directory was made with');
  if (options.resume && options.out) throw new UsageError('--resume DIR already names the run directory: drop --out');
  const planOptions = { models: options.models, filter: options.filter, shard, repeat: options.repeat };
  const suites = loadSuites(paths);
  handleSuiteWarnings(suites, Boolean(options.strict), (line) => process.stderr.write(`onetoken-eval: ${line}\n`));
  const plans = suites.map((suite) => buildPlan(suite, planOptions));
  // A wrong baseline path must fail before any money is spent, not after the run.
  if (options.baseline) await readRunSide(options.baseline, { metaOnly: true });
  const terminal = new Terminal(options);
  const interruption = handleInterrupts((text) => terminal.say(text));
  const { endpoint, close } = await commandEndpoint(Boolean(options.mock), { maxAttempts: options.maxAttempts, timeoutMs: options.timeoutMs, verbose: options.verbose ? (line) => terminal.say(line) : undefined });
  const results: { result: RunSuiteResult; exitCode: number }[] = [];
  let exitCode = 0;
  try {
    for (const plan of plans) {
      const runDir = options.resume ? resolveRunPath(options.resume) : options.out ? (plans.length > 1 ? join(options.out, plan.suite.name) : options.out) : undefined;
      const errorSamples = new ErrorSamples();
      const result = await runSuite(plan, {
        runDir, resume: Boolean(options.resume), allowChangedSuite: options.allowChangedSuite, retryErrors: options.retryErrors,
        cache: options.cache === false ? false : options.cacheDir, concurrency: options.concurrency, maxCostUsd: options.maxCost,
        endpoint, baseline: options.baseline, compare: { alpha: options.alpha, maxDrop: options.maxDrop }, junitPath: options.junit, html: options.html,
        startedAt, stop: interruption.stop, abort: interruption.abort,
        onStart: ({ runDir: dir, isMock }) => terminal.startRun(plan, dir, isMock, options.concurrency),
        onCell: (record) => {
          terminal.progress?.cell(record);
          errorSamples.add(record);
        },
        onResumed: (cells) => terminal.progress?.resumed(cells),
        onEvent: (event) => terminal.progress?.event(event),
        onWarning: (message) => terminal.say(`warning: ${message}`),
      });
      terminal.finishRun();
      const code = exitCodeOf({ summary: result.summary, outcome: result.outcome, comparison: result.comparison, isInterrupted: interruption.isInterrupted });
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
    const json = results.map(({ result, exitCode: code }) => ({ suite: result.plan.suite.path, runDir: result.runDir, exitCode: code, summary: result.summary, stopped: result.outcome.stopped, skipped: result.outcome.skipped }));
    process.stdout.write(`${JSON.stringify(json.length === 1 ? json[0] : json, null, 2)}\n`);
  }
  return exitCode;
}
