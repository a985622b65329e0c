/**
 * Every command-line option, declared once as data (flags, description, default, parser), like Vitest's
 * cli-config. Commands pick options from this table by name; no option is declared anywhere else.
 */
import { Option } from 'commander';
import { UsageError } from '../errors.js';
import { DEFAULT_ALPHA, DEFAULT_MAX_DROP, DEFAULT_MIN_COVERAGE, type CompareOptions } from '../compare/index.js';
import { DEFAULT_CACHE_DIR, DEFAULT_CONCURRENCY, DEFAULT_REGEX_TIMEOUT_MS } from '../run/index.js';
import { DEFAULT_MAX_ATTEMPTS, DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_REQUEST_TIMEOUT_MS } from '../client/index.js';
import { DEFAULT_MAX_DATA_BYTES, DEFAULT_MAX_SOURCE_BYTES, type LoadSuiteOptions } from '../suite/index.js';

/** One option's declaration. */
export interface OptionSpec {
  flags: string;
  description: string;
  defaultValue?: unknown;
  /** Turns the raw text into the value; throws `UsageError` naming the flag. */
  parse?: (value: string, previous: unknown) => unknown;
  /** Allowed values, listed in help and checked by commander. */
  choices?: readonly string[];
}

function wholeNumber(flag: string, min: number, max = Number.MAX_SAFE_INTEGER) {
  return (value: string): number => {
    const number = Number(value);
    if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(number) || number < min || number > max) {
      const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `from ${min} to ${max}`;
      throw new UsageError(`invalid ${flag} "${value}": expected a whole number ${range}`);
    }
    return number;
  };
}

function positiveInt(flag: string) {
  return wholeNumber(flag, 1);
}

function nonNegativeNumber(flag: string) {
  return (value: string): number => {
    const number = Number(value);
    if (value.trim() === '' || !Number.isFinite(number) || number < 0) throw new UsageError(`invalid ${flag} "${value}": expected a number >= 0`);
    return number;
  };
}

function unitInterval(flag: string) {
  return (value: string): number => {
    const number = Number(value);
    if (value.trim() === '' || !Number.isFinite(number) || number < 0 || number > 1) throw new UsageError(`invalid ${flag} "${value}": expected a number from 0 to 1`);
    return number;
  };
}

/** A probability strictly between 0 and 1 (a significance level of 0 or 1 decides nothing). */
function openUnitInterval(flag: string) {
  return (value: string): number => {
    const number = Number(value);
    if (value.trim() === '' || !Number.isFinite(number) || number <= 0 || number >= 1) throw new UsageError(`invalid ${flag} "${value}": expected a number between 0 and 1, both excluded`);
    return number;
  };
}

function list(flag: string) {
  return (value: string): string[] => {
    const items = value.split(',').map((item) => item.trim()).filter(Boolean);
    if (items.length === 0) throw new UsageError(`invalid ${flag} "${value}": expected a comma-separated list`);
    return items;
  };
}

/** The option table. */
export const OPTIONS = {
  json: { flags: '--json', description: 'print machine-readable JSON instead of text' },
  models: { flags: '--models <labels>', description: 'only these models (comma-separated labels or ids)', parse: list('--models') },
  filter: { flags: '--filter <glob>', description: 'only prompt/case ids matching the glob (e.g. "capital/*", "*france*")' },
  shard: { flags: '--shard <i/n|auto>', description: 'only shard i of n (1-based); "auto" reads the CI system\'s parallel-job variables' },
  shardTotal: { flags: '--shard-total <n>', description: 'shard count for --shard auto on Kubernetes Indexed Jobs (or JOB_COMPLETION_TOTAL)', parse: positiveInt('--shard-total') },
  repeat: { flags: '--repeat <n>', description: 'samples per cell, overriding the suite\'s repeat', parse: positiveInt('--repeat') },
  pairwise: { flags: '--pairwise <rubric>', description: 'judge every pair of the run\'s models with this rubric, each row twice with the answers swapped (instead of the suite\'s pairwise)' },
  limit: { flags: '--limit <n>', description: 'expanded requests to show (0: the counts only)', defaultValue: 3, parse: wholeNumber('--limit', 0) },
  out: { flags: '--out <dir>', description: 'write the run directory exactly here (default results/<suite>/<UTC timestamp>/)' },
  concurrency: { flags: '--concurrency <n>', description: 'requests in flight at most, over all models', defaultValue: DEFAULT_CONCURRENCY, parse: positiveInt('--concurrency') },
  resume: { flags: '--resume <dir>', description: 'continue the run in DIR: only missing cells are sent' },
  allowChangedSuite: { flags: '--allow-changed-suite', description: 'with --resume: keep the still-valid cells of a changed suite instead of refusing' },
  retryErrors: { flags: '--retry-errors', description: 'with --resume: also rerun cells that ended in errors' },
  cache: { flags: '--no-cache', description: 'bypass the response cache (neither read nor written)' },
  cacheDir: { flags: '--cache-dir <dir>', description: `response cache directory (default: ONETOKEN_EVAL_CACHE_DIR, else "${DEFAULT_CACHE_DIR}")` },
  allowOutsidePaths: { flags: '--allow-outside-paths', description: 'read prompt, data and schema files outside the suite\'s directory (absolute, ../ or symlinked paths)' },
  maxSourceBytes: { flags: '--max-source-bytes <n>', description: 'largest suite, prompt, schema or tool file read; a larger one is refused', defaultValue: DEFAULT_MAX_SOURCE_BYTES, parse: positiveInt('--max-source-bytes') },
  maxDataBytes: { flags: '--max-data-bytes <n>', description: 'largest data file (CSV, JSONL, YAML cases) read; a larger one is refused', defaultValue: DEFAULT_MAX_DATA_BYTES, parse: positiveInt('--max-data-bytes') },
  mock: { flags: '--mock', description: 'run against the built-in mock Onetoken server (no key needed)' },
  maxCost: { flags: '--max-cost <usd>', description: 'stop dispatching when the estimated spend (answers and grading; cached answers are free) reaches this many USD; after --resume it counts the whole run directory\'s spend', parse: nonNegativeNumber('--max-cost') },
  strict: { flags: '--strict', description: 'treat validation warnings (a prompt rendering to an empty string) as errors' },
  quiet: { flags: '--quiet', description: 'print only the final summary' },
  maxAttempts: { flags: '--max-attempts <n>', description: 'attempts per request, the first included (retries on 408/409/429/5xx, network errors, timeouts)', defaultValue: DEFAULT_MAX_ATTEMPTS, parse: positiveInt('--max-attempts') },
  timeoutMs: { flags: '--timeout-ms <ms>', description: 'limit of one attempt, body included; also caps the wait for the first byte', defaultValue: DEFAULT_REQUEST_TIMEOUT_MS, parse: positiveInt('--timeout-ms') },
  maxResponseBytes: { flags: '--max-response-bytes <n>', description: 'largest response body read; a larger one fails that cell (not retried)', defaultValue: DEFAULT_MAX_RESPONSE_BYTES, parse: positiveInt('--max-response-bytes') },
  regexTimeoutMs: { flags: '--regex-timeout-ms <ms>', description: 'time one regex assertion may take on one answer before it errors', defaultValue: DEFAULT_REGEX_TIMEOUT_MS, parse: positiveInt('--regex-timeout-ms') },
  verbose: { flags: '--verbose', description: 'print one line per request and response (never the key)' },
  baseline: { flags: '--baseline <path>', description: 'compare with this baseline run directory or results.json' },
  junit: { flags: '--junit <file>', description: 'also write JUnit XML to FILE' },
  alpha: { flags: '--alpha <p>', description: 'significance level of the paired tests', defaultValue: DEFAULT_ALPHA, parse: openUnitInterval('--alpha') },
  maxDrop: { flags: '--max-drop <points>', description: 'pass-rate drop (0..1) tolerated before a significant change counts as a regression', defaultValue: DEFAULT_MAX_DROP, parse: unitInterval('--max-drop') },
  limitsPerShard: { flags: '--limits-per-shard <mode>', description: 'under --shard i/n, each shard takes 1/n of each model\'s rpm/tpm (split), or all of them (full)', defaultValue: 'split', choices: ['split', 'full'] },
  minCoverage: { flags: '--min-coverage <fraction>', description: 'share of the base\'s cells (0..1) the head must also have, else exit 2', defaultValue: DEFAULT_MIN_COVERAGE, parse: unitInterval('--min-coverage') },
  allowPartial: { flags: '--allow-partial', description: 'compare a head that covers less than --min-coverage of the base; the report says how much was compared' },
  allowEndpointChange: { flags: '--allow-endpoint-change', description: 'compare a run against the built-in mock with a run against a real endpoint (else exit 2)' },
  minPassRate: { flags: '--min-pass-rate <fraction>', description: 'exit 1 when the pass rate of the scored cells is below this (0..1), with or without a baseline; at or above it, failed cells alone do not give exit 1', parse: unitInterval('--min-pass-rate') },
  format: { flags: '--format <format>', description: 'output format', defaultValue: 'text', choices: ['text', 'md', 'json'] },
  suite: { flags: '--suite <file>', description: 'the (edited) suite to take assertions from (default: the run\'s suite path)' },
  port: { flags: '--port <n>', description: 'port to listen on (0 picks a free one)', defaultValue: 0, parse: wholeNumber('--port', 0, 65535) },
  latencyMs: { flags: '--latency-ms <ms>', description: 'delay before each answer\'s first byte', defaultValue: 0, parse: nonNegativeNumber('--latency-ms') },
  fixtures: { flags: '--fixtures <file>', description: 'YAML/JSON fixtures mapping prompt patterns to answers (default: built-in)' },
  mergeOut: { flags: '--out <dir>', description: 'directory to write the merged run to (required)' },
  html: { flags: '--no-html', description: 'do not write report.html (the self-contained HTML report)' },
  output: { flags: '-o, --output <file>', description: 'write the page to FILE (default <run-dir>/report.html)' },
  compareHtml: { flags: '--html <file>', description: 'also write the HTML report of HEAD with the baseline view to FILE' },
} as const satisfies Record<string, OptionSpec>;

/** A name of the option table. */
export type OptionName = keyof typeof OPTIONS;

/** The value commander gives an option: its parser's result, a string for `<value>` flags, else a boolean. */
type ValueOf<S> = S extends { parse: (...args: never[]) => infer R } ? R : S extends { flags: `${string}<${string}` } ? string : boolean;

/** Parsed options of a command, typed from the table: commands read these instead of casting. */
export type OptionValues = { [K in OptionName]?: ValueOf<(typeof OPTIONS)[K]> };

/** The flag of an option named in an error template (`cacheDir` -> `--cache-dir`, `noCache` -> `--no-cache`). */
export function flagOf(name: string): string {
  return `--${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}

/** Builds the commander Option of a table entry. */
export function buildOption(name: OptionName): Option {
  const spec: OptionSpec = OPTIONS[name];
  const option = new Option(spec.flags, spec.description);
  if (spec.choices) option.choices([...spec.choices]);
  if (spec.parse) option.argParser(spec.parse as (value: string, previous: unknown) => unknown);
  if (spec.defaultValue !== undefined) option.default(spec.defaultValue);
  return option;
}

/** How suites are loaded (paths outside the suite's directory, file size limits), read from the parsed flags. */
export function suiteOptionsOf(options: OptionValues): LoadSuiteOptions {
  return { allowOutsidePaths: options.allowOutsidePaths, maxSourceBytes: options.maxSourceBytes, maxDataBytes: options.maxDataBytes };
}

/** The comparison options of `compare` and `run --baseline`, read from the parsed flags. */
export function compareOptionsOf(options: OptionValues): CompareOptions {
  return { alpha: options.alpha, maxDrop: options.maxDrop, minCoverage: options.minCoverage, allowPartial: options.allowPartial, allowEndpointChange: options.allowEndpointChange };
}
