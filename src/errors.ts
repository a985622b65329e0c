/**
 * Error classes, stable codes and exit codes shared by every step.
 *
 * Code and tests match on `code`, never on message text. Messages are one line, start lower-case and have no
 * trailing period; the CLI prints `error.message` alone (no stack) unless `DEBUG=onetoken-eval`.
 */

/** Process exit codes; each command's `--help` lists the ones it uses. */
export const ExitCode = {
  /** Everything answered and passed. */
  ok: 0,
  /** The run worked but assertions failed, or `compare` found a regression. */
  failed: 1,
  /** Invalid input: suite, data file, flags, run directory. */
  invalidInput: 2,
  /** The API or network gave up after retries, or the key was refused. */
  api: 3,
  /** An internal bug. */
  internal: 4,
  /** Interrupted after the checkpoint was flushed. */
  interrupted: 130,
} as const;

/** A stable error code; users match on it. */
export type ErrorCode =
  | 'OTE_SUITE_INVALID'
  | 'OTE_DATA_INVALID'
  | 'OTE_USAGE'
  | 'OTE_CHECKPOINT'
  | 'OTE_COMPARE_REFUSED'
  | 'OTE_API_AUTH'
  | 'OTE_API_QUOTA'
  | 'OTE_API_BAD_REQUEST'
  | 'OTE_API_NOT_FOUND'
  | 'OTE_API_RATE_LIMIT'
  | 'OTE_API_SERVER'
  | 'OTE_API_TIMEOUT'
  | 'OTE_API_CONNECTION'
  | 'OTE_API_PROTOCOL'
  | 'OTE_API_TOO_LARGE'
  | 'OTE_API_STATUS'
  | 'OTE_ABORTED'
  | 'OTE_ENVIRONMENT'
  | 'OTE_INTERNAL';

const OPTION_MARK = /\u0001([A-Za-z]+)\u0002/g;

/**
 * Marks where a message names one of the tool's options (`filter`, `cacheDir`, ...). Below the CLI nothing knows
 * flags: the library words the mark as the option's name, the CLI as its flag (`--filter`, `--cache-dir`).
 */
export function optionRef(name: string): string {
  return `\u0001${name}\u0002`;
}

/** A message template with its option marks worded by `word` (the option's name when omitted). */
export function wordOptions(template: string, word: (name: string) => string = (name) => name): string {
  return template.replace(OPTION_MARK, (_, name: string) => word(name));
}

/** Base class of every error the tool raises on purpose. */
export class OnetokenEvalError extends Error {
  /** Stable machine-readable code. */
  readonly code: ErrorCode;
  /** The exit code the CLI uses when this error ends a command. */
  readonly exitCode: number;
  /** The message with its option marks (see `optionRef`), for callers that word options their own way. */
  readonly template: string;
  /** The options the message names, in order; empty when it names none. */
  readonly options: string[];

  constructor(code: ErrorCode, message: string, options: { exitCode?: number; cause?: unknown } = {}) {
    super(wordOptions(message), options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.exitCode = options.exitCode ?? ExitCode.internal;
    this.template = message;
    this.options = [...message.matchAll(OPTION_MARK)].map((match) => match[1]!);
  }
}

/** One problem in a suite or data file, kept as data until printed. */
export interface SourceIssue {
  /** File the problem is in, as the user named it (relative paths stay relative). */
  file: string;
  /** 1-based line, or 0 when unknown. */
  line: number;
  /** 1-based column, or 0 when unknown. */
  column: number;
  /** Dotted field path such as `cases[3].vars.city`; empty for file-level problems. */
  path: string;
  /** Lower-case message without trailing period. */
  message: string;
}

/** Formats one issue as `file:line:col: path: message`. */
export function formatIssue(issue: SourceIssue): string {
  const where = issue.line > 0 ? `${issue.file}:${issue.line}:${issue.column || 1}` : issue.file;
  return issue.path ? `${where}: ${issue.path}: ${issue.message}` : `${where}: ${issue.message}`;
}

/** A suite or data file is invalid; carries every issue found in source order. */
export class SuiteError extends OnetokenEvalError {
  /** All issues, sorted by file, line and column. */
  readonly issues: SourceIssue[];

  constructor(issues: SourceIssue[], code: ErrorCode = 'OTE_SUITE_INVALID') {
    const sorted = [...issues].sort(
      (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column,
    );
    super(code, sorted.map(formatIssue).join('\n'), { exitCode: ExitCode.invalidInput });
    this.issues = sorted;
  }
}

/** A command-line flag or argument is invalid. */
export class UsageError extends OnetokenEvalError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super('OTE_USAGE', message, { exitCode: ExitCode.invalidInput, cause: options.cause });
  }
}

/** A run directory, checkpoint journal or results file cannot be used. */
export class CheckpointError extends OnetokenEvalError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super('OTE_CHECKPOINT', message, { exitCode: ExitCode.invalidInput, cause: options.cause });
  }
}

/**
 * The machine failed a run part-way (a full disk, an I/O error): exit 3, like an API that gave up. What was
 * recorded before stays in the journal of `runDir`, so the run can be resumed once the cause is fixed.
 */
export class EnvironmentError extends OnetokenEvalError {
  /** The run directory whose journal holds what was finished. */
  readonly runDir: string;

  constructor(message: string, runDir: string, options: { cause?: unknown } = {}) {
    super('OTE_ENVIRONMENT', message, { exitCode: ExitCode.api, cause: options.cause });
    this.runDir = runDir;
  }
}

/**
 * `compare` (or a baseline check) refuses to judge two runs: no cell in common, different suites, too little
 * coverage, a mock run against a real one, or an unfinished run. A gate that cannot judge must not pass.
 */
export class CompareRefusedError extends OnetokenEvalError {
  constructor(message: string) {
    super('OTE_COMPARE_REFUSED', message, { exitCode: ExitCode.invalidInput });
  }
}

/** Message text for an unexpected error: the message, or the stack when debugging. */
export function describeUnexpected(error: unknown, isDebug: boolean): string {
  if (error instanceof Error) return isDebug && error.stack ? error.stack : `internal error: ${error.message}`;
  return `internal error: ${String(error)}`;
}

/** True when `DEBUG` names this tool, so stack traces are printed. */
export function isDebugEnabled(env: NodeJS.ProcessEnv): boolean {
  return (env.DEBUG ?? '').split(',').some((name) => name.trim() === 'onetoken-eval' || name.trim() === '*');
}
