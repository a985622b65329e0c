/**
 * The command table: names, arguments, options (from `options.ts`), examples and exit codes. Each command's
 * implementation is imported lazily so `validate` does not pay for undici and `run` does not pay for ajv twice;
 * cold start is part of the product.
 */
import { Command } from 'commander';
import { checkFlagCombinations } from './flag-rules.js';
import { buildOption, type OptionName, type OptionValues } from './options.js';

/** A command's declaration. */
interface CommandSpec {
  name: string;
  args: string;
  description: string;
  options: OptionName[];
  examples: string[];
  exitCodes: string[];
  /** Loads the implementation: (positional args, options) -> exit code. */
  load: () => Promise<(args: string[], options: OptionValues) => Promise<number>>;
}

/** Every command can end in a bug of ours; its help says so and what to do. */
const BUG_EXIT_CODE = '4  internal error (a bug): rerun with DEBUG=onetoken-eval and report the output';

const RUN_EXIT_CODES = [
  '0  every cell answered and passed; with --baseline: no regression (failures the baseline also had are fine)',
  '1  some assertions failed; with --baseline: a regression (failed cells alone do not count); or below --min-pass-rate',
  '2  invalid suite, data file or flags, a resume whose --shard/--filter/--models/--repeat differ from run.json, or a',
  '   baseline that cannot be judged against (unfinished, another suite, mock vs real); all before any request',
  '3  some cells ended in errors after retries, or an auth/quota error or --max-cost stopped the run',
  BUG_EXIT_CODE,
  '130 interrupted (reports written, resume command printed)',
];

/**
 * Examples of the top-level help. Every example of every help text runs as written against the mock in
 * test/cli/help-examples.test.ts, in the order shown, from a directory holding a copy of `suites/`.
 */
const PROGRAM_EXAMPLES = [
  'onetoken-eval run suites/capitals.yaml --mock',
  'onetoken-eval validate suites/*.yaml',
  'onetoken-eval run suites/capitals.yaml --mock --baseline results/capitals/latest',
];

const COMMANDS: CommandSpec[] = [
  {
    name: 'run', args: '<suite...>', description: 'run suites against Onetoken and write reports',
    options: ['out', 'concurrency', 'models', 'filter', 'shard', 'shardTotal', 'limitsPerShard', 'repeat', 'pairwise', 'strict', 'resume', 'allowChangedSuite', 'retryErrors', 'cache', 'cacheDir', 'mock', 'maxCost', 'maxAttempts', 'timeoutMs', 'maxResponseBytes', 'regexTimeoutMs', 'allowOutsidePaths', 'maxSourceBytes', 'maxDataBytes', 'baseline', 'junit', 'html', 'alpha', 'maxDrop', 'minCoverage', 'allowPartial', 'allowEndpointChange', 'minPassRate', 'quiet', 'verbose', 'json'],
    examples: [
      'onetoken-eval run suites/capitals.yaml --mock',
      'onetoken-eval run suites/capitals.yaml --mock --resume results/capitals/latest',
      'ONETOKEN_API_KEY=... onetoken-eval run suites/*.yaml --concurrency 16',
      'onetoken-eval run suites/capitals.yaml --mock --filter "capital/*" --models gpt-4o',
      'onetoken-eval run suites/capitals.yaml --mock --shard 1/2 --out shards/1',
      'onetoken-eval run suites/capitals.yaml --mock --shard 2/2 --out shards/2',
    ],
    exitCodes: RUN_EXIT_CODES,
    load: async () => (await import('./commands/run.js')).runCommand,
  },
  {
    name: 'validate', args: '<suite...>', description: 'check suites and their data files without any request',
    options: ['allowOutsidePaths', 'maxSourceBytes', 'maxDataBytes', 'strict', 'json'],
    examples: ['onetoken-eval validate suites/*.yaml', 'onetoken-eval validate suites/*.yaml --strict --json'],
    exitCodes: ['0  every suite is valid', '2  a suite or data file is invalid (one line per problem)', BUG_EXIT_CODE],
    load: async () => (await import('./commands/validate.js')).validateCommand,
  },
  {
    name: 'plan', args: '<suite...>', description: 'show the requests a run would make, with their seeds',
    options: ['models', 'filter', 'shard', 'shardTotal', 'repeat', 'limit', 'strict', 'allowOutsidePaths', 'maxSourceBytes', 'maxDataBytes', 'json'],
    examples: ['onetoken-eval plan suites/capitals.yaml', 'onetoken-eval plan suites/capitals.yaml --shard 2/4 --json'],
    exitCodes: ['0  planned', '2  invalid suite or flags', BUG_EXIT_CODE],
    load: async () => (await import('./commands/plan.js')).planCommand,
  },
  {
    name: 'schema', args: '[kind]', description: 'print a JSON Schema: "suite" (default) or "results"',
    options: [],
    examples: ['onetoken-eval schema > suite.schema.json', 'onetoken-eval schema results'],
    exitCodes: ['0  printed', '2  unknown kind', BUG_EXIT_CODE],
    load: async () => (await import('./commands/schema.js')).schemaCommand,
  },
  {
    name: 'repair', args: '<run-dir>', description: 'move bad journal lines aside (to rejected.jsonl) so the run can be resumed',
    options: ['json'],
    examples: ['onetoken-eval repair results/capitals/latest'],
    exitCodes: ['0  repaired (or nothing to repair)', '2  not a run directory, or the run is in use'],
    load: async () => (await import('./commands/repair.js')).repairCommand,
  },
  {
    name: 'rescore', args: '<run-dir>', description: 're-apply (edited) assertions to a run\'s recorded answers without new requests',
    options: ['suite', 'mock', 'cacheDir', 'regexTimeoutMs', 'allowOutsidePaths', 'maxSourceBytes', 'maxDataBytes', 'junit', 'html', 'minPassRate', 'quiet', 'json'],
    examples: ['onetoken-eval rescore results/capitals/latest', 'onetoken-eval rescore results/capitals/latest --suite suites/capitals.yaml'],
    exitCodes: ['0  every cell passed', '1  some assertions failed, or below --min-pass-rate', '2  invalid run directory or suite, or llm-rubric without a key or --mock', '3  a grader request failed', BUG_EXIT_CODE],
    load: async () => (await import('./commands/rescore.js')).rescoreCommand,
  },
  {
    name: 'compare', args: '<base> <head>', description: 'compare two runs (directories or results.json) and flag regressions',
    options: ['alpha', 'maxDrop', 'minCoverage', 'allowPartial', 'allowEndpointChange', 'format', 'compareHtml'],
    examples: ['onetoken-eval compare results/baselines/capitals.json results/capitals/latest', 'onetoken-eval compare results/baselines/capitals.json results/capitals/latest --format md > compare.md', 'onetoken-eval compare results/baselines/capitals.json results/capitals/latest --html compare.html'],
    exitCodes: [
      '0  no regression (no change or an improvement)',
      '1  a model, or all models pooled, regressed',
      '2  cannot judge: no cell matched, different suites, head below --min-coverage of the base (unless',
      '   --allow-partial), mock vs real endpoint (unless --allow-endpoint-change), an unfinished run, or bad input',
      BUG_EXIT_CODE,
    ],
    load: async () => (await import('./commands/compare.js')).compareCommand,
  },
  {
    name: 'report', args: '<run-dir>', description: 'rewrite a finished run\'s report.html (no request), optionally against a baseline',
    options: ['baseline', 'output', 'alpha', 'maxDrop'],
    examples: ['onetoken-eval report results/capitals/latest', 'onetoken-eval report results/capitals/latest --baseline results/baselines/capitals.json -o review.html'],
    exitCodes: ['0  written', '2  invalid run directory, results.json or baseline, or the run directory is in use (run.lock)', BUG_EXIT_CODE],
    load: async () => (await import('./commands/report.js')).reportCommand,
  },
  {
    name: 'merge', args: '<dirs...>', description: 'merge shard run directories into one run',
    options: ['mergeOut', 'junit', 'html', 'minPassRate', 'quiet', 'json'],
    examples: ['onetoken-eval merge shards/* --out results/capitals/merged'],
    exitCodes: ['0  merged; every cell passed', '1  merged; some assertions failed, or below --min-pass-rate', '2  shards of different plans, or missing/duplicated cells', '3  merged; some cells errored', BUG_EXIT_CODE],
    load: async () => (await import('./commands/merge.js')).mergeCommand,
  },
  {
    name: 'models', args: '', description: 'list the model ids the endpoint offers (GET /models)',
    options: ['mock', 'json'],
    examples: ['onetoken-eval models', 'onetoken-eval models --mock --json'],
    exitCodes: ['0  listed', '2  missing key or bad base URL', '3  the API refused or failed', BUG_EXIT_CODE],
    load: async () => (await import('./commands/models.js')).modelsCommand,
  },
  {
    name: 'mock-server', args: '', description: 'serve the built-in mock Onetoken API until stopped',
    options: ['port', 'latencyMs', 'fixtures'],
    examples: ['onetoken-eval mock-server --port 8787', 'ONETOKEN_API_KEY=any ONETOKEN_BASE_URL=http://127.0.0.1:8787/v1 onetoken-eval run suites/capitals.yaml'],
    exitCodes: ['0  stopped by a signal', '2  bad flags or fixtures', BUG_EXIT_CODE],
    load: async () => (await import('./commands/mock-server.js')).mockServerCommand,
  },
  {
    name: 'cache', args: '<action>', description: 'manage the response cache: "info" or "clear"',
    options: ['cacheDir', 'json'],
    examples: ['onetoken-eval cache info', 'onetoken-eval cache clear --cache-dir .onetoken-eval-cache'],
    exitCodes: ['0  done', '2  unknown action', BUG_EXIT_CODE],
    load: async () => (await import('./commands/cache.js')).cacheCommand,
  },
];

/** Builds the commander program; `onExit` receives each command's exit code. */
export function buildProgram(version: string, onExit: (code: number) => void): Command {
  const program = new Command('onetoken-eval')
    .description('batch prompt evaluations against Onetoken: suites, seeded runs, assertions, reports and CI regression checks')
    .version(version, '-V, --version', 'print the version')
    .showSuggestionAfterError(true)
    .allowExcessArguments(false)
    .addHelpText('after', `\nExamples:\n${PROGRAM_EXAMPLES.map((e) => `  $ ${e}`).join('\n')}\n\nRun "onetoken-eval <command> --help" for a command's options, examples and exit codes.\n`);
  for (const spec of COMMANDS) {
    const command = program.command(`${spec.name}${spec.args ? ` ${spec.args}` : ''}`).description(spec.description);
    for (const name of spec.options) command.addOption(buildOption(name));
    command.allowExcessArguments(false).showSuggestionAfterError(true);
    command.addHelpText('after', `\nExamples:\n${spec.examples.map((e) => `  $ ${e}`).join('\n')}\n\nExit codes:\n${spec.exitCodes.map((e) => `  ${e}`).join('\n')}\n`);
    command.action(async (...received: unknown[]) => {
      const options = received[received.length - 2] as OptionValues;
      const args = received.slice(0, -2).flatMap((value) => (Array.isArray(value) ? value : value === undefined ? [] : [value])) as string[];
      checkFlagCombinations(options);
      const implementation = await spec.load();
      onExit(await implementation(args, options));
    });
  }
  return program;
}
