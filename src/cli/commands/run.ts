/**
 * `onetoken-eval run <suite...>`: load and plan every suite first (a bad suite fails before any request), then run
 * each into its directory, write the reports, print the summary, and pick the exit code.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ExitCode, UsageError } from '../../errors.js';
import { buildPlan, type Plan } from '../../plan/index.js';
import { writeReports, renderSummaryTable, type RunSummary } from '../../report/index.js';
import { executeRun, journalRecords, ResponseCache, type RunResult } from '../../run/index.js';
import { loadSuites } from '../../suite/index.js';
import { cacheNamespaceOf, openEndpoint } from '../endpoint.js';
import { appendStepSummary } from '../github.js';
import { emitFailureAnnotations } from '../annotations.js';
import { Progress } from '../progress.js';
import { resolveShard } from '../shard-option.js';
import { handleInterrupts } from '../signals.js';
import { resolveRunPath, runDirectoryFor, updateLatest } from '../run-location.js';
import { checkBaseline, compareBaseline } from '../baseline.js';
import { resumeCommandFor } from '../resume-command.js';
import { toolVersion } from '../version.js';
import { ErrorSamples } from '../error-samples.js';
import { resolveCacheDir } from '../cache-dir.js';

/** Exit code for one finished suite run. */
function exitCodeOf(result: RunResult, summary: RunSummary, isInterrupted: boolean): number {
  if (isInterrupted || result.outcome.stopped?.reason === 'interrupted') return ExitCode.interrupted;
  if (result.outcome.stopped || summary.errored > 0 || result.outcome.skipped > 0) return ExitCode.api;
  if (summary.failed > 0) return ExitCode.failed;
  return ExitCode.ok;
}

/** Severity order when several suites run: interrupted > api > invalid > failed > ok. */
function worse(a: number, b: number): number {
  const rank = (code: number) => [ExitCode.ok, ExitCode.failed, ExitCode.invalidInput, ExitCode.api, ExitCode.interrupted].indexOf(code as never);
  return rank(b) > rank(a) ? b : a;
}

/** Runs suites. */
export async function runCommand(paths: string[], options: Record<string, unknown>): Promise<number> {
  const startedAt = new Date();
  const shard = resolveShard(options.shard, options.shardTotal, process.env);
  if (options.resume && paths.length > 1) throw new UsageError('--resume takes one suite: the one the run directory was made with');
  if (options.resume && options.out) throw new UsageError('--resume DIR already names the run directory: drop --out');
  const suites = loadSuites(paths);
  const plans: Plan[] = suites.map((suite) =>
    buildPlan(suite, { models: options.models as string[] | undefined, filter: options.filter as string | undefined, shard, repeat: options.repeat as number | undefined }),
  );
  // A wrong baseline path must fail before any money is spent, not after the run.
  if (options.baseline) await checkBaseline(options.baseline as string);
  const isQuiet = Boolean(options.quiet) || Boolean(options.json);
  const isTty = Boolean(process.stderr.isTTY) && !process.env.CI;
  const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR && !process.env.CI;
  let progress: Progress | null = null;
  const say = (text: string) => (progress ? progress.message(text) : process.stderr.write(`${text}\n`));
  const interruption = handleInterrupts(say);
  const concurrency = options.concurrency as number;
  const cache = options.cache === false ? null : new ResponseCache(resolveCacheDir(options.cacheDir, process.env));
  cache?.assertWritable();
  if (cache) cache.onWriteError = (error) => say(`warning: the response cache could not be written (${error.message}); answers are still recorded`);
  const endpoint = await openEndpoint({
    mock: Boolean(options.mock),
    connections: concurrency,
    maxAttempts: options.maxAttempts as number,
    timeoutMs: options.timeoutMs as number,
    onEvent: (event) => progress?.event(event),
    verbose: options.verbose ? (line) => say(line) : undefined,
  });
  const jsonOut: unknown[] = [];
  let exitCode: number = ExitCode.ok;
  try {
    for (const plan of plans) {
      const runDir = options.resume ? resolveRunPath(options.resume as string) : runDirectoryFor(plan.suite.name, options.out as string | undefined, plans.length, startedAt);
      progress = new Progress({ total: plan.cellCount, alreadyDone: 0, isTty, isQuiet });
      const errorSamples = new ErrorSamples();
      if (!isQuiet) say(`running ${plan.suite.path}: ${plan.cellCount} cells${plan.shard ? ` (shard ${plan.shard.index}/${plan.shard.count})` : ''}, concurrency ${concurrency}${endpoint.isMock ? ', built-in mock server' : ''} -> ${runDir}`);
      const result = await executeRun(plan, {
        runDir,
        client: endpoint.client,
        baseUrl: endpoint.recordedBaseUrl,
        endpoint: cacheNamespaceOf(endpoint.recordedBaseUrl),
        cache,
        useCache: cache !== null,
        concurrency,
        maxCostUsd: options.maxCost as number | undefined,
        resume: Boolean(options.resume),
        allowChangedSuite: Boolean(options.allowChangedSuite),
        retryErrors: Boolean(options.retryErrors),
        args: { models: options.models ?? null, filter: options.filter ?? null, shard: shard ? `${shard.index}/${shard.count}` : null, repeat: options.repeat ?? null, mock: Boolean(options.mock), cache: options.cache !== false, concurrency, maxCost: options.maxCost ?? null },
        toolVersion: toolVersion(),
        startedAt,
        stop: interruption.stop,
        abort: interruption.abort,
        onCell: (record) => {
          progress?.cell(record);
          if (record.error) errorSamples.add(record);
        },
        onWarning: (message) => say(`warning: ${message}`),
      });
      progress.finish();
      progress = null;
      const summary = await writeReports(runDir, result.meta, journalRecords(runDir), { junitPath: options.junit as string | undefined });
      if (!options.out && !options.resume) updateLatest(runDir, plan.suite.name);
      const markdown = readFileSync(join(runDir, 'summary.md'), 'utf8');
      appendStepSummary(markdown);
      await emitFailureAnnotations(plan, runDir);
      let code = exitCodeOf(result, summary, interruption.isInterrupted);
      if (options.json) jsonOut.push({ suite: plan.suite.path, runDir, exitCode: code, summary, stopped: result.outcome.stopped, skipped: result.outcome.skipped });
      else process.stdout.write(`\n${plan.suite.name}: ${runDir}\n${renderSummaryTable(summary, { color })}\n`);
      for (const line of errorSamples.lines()) say(line);
      reportStop(result, runDir, plan, options, say);
      if (options.baseline && code !== ExitCode.interrupted) {
        const regressed = await compareBaseline(options.baseline as string, runDir, { alpha: options.alpha as number, maxDrop: options.maxDrop as number, color, quiet: Boolean(options.json) });
        if (regressed) code = worse(code, ExitCode.failed);
      }
      exitCode = worse(exitCode, code);
      if (code === ExitCode.interrupted) break;
    }
  } finally {
    interruption.dispose();
    await endpoint.close();
  }
  if (options.json) process.stdout.write(`${JSON.stringify(jsonOut.length === 1 ? jsonOut[0] : jsonOut, null, 2)}\n`);
  return exitCode;
}

/** Says why the run stopped early and how to continue it. */
function reportStop(result: RunResult, runDir: string, plan: Plan, options: Record<string, unknown>, say: (text: string) => void): void {
  const stopped = result.outcome.stopped;
  const resume = resumeCommandFor(plan.suite.path, runDir, options);
  if (!stopped) {
    if (result.outcome.skipped > 0) say(`${result.outcome.skipped} cells were not run; continue with: ${resume}`);
    return;
  }
  const left = `${result.outcome.skipped} cells not run`;
  if (stopped.reason === 'interrupted') say(`interrupted: reports written for the finished cells, ${left}; resume with: ${resume}`);
  else if (stopped.reason === 'auth') say(`stopped: the API key was rejected (${stopped.message}); check ONETOKEN_API_KEY, then resume with: ${resume}`);
  else if (stopped.reason === 'quota') say(`stopped: the account's quota is exhausted (${stopped.message}); top up, then resume with: ${resume}`);
  else say(`stopped: ${stopped.message}; ${left}; raise --max-cost and resume with: ${resume}`);
}
