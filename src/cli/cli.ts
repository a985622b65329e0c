/**
 * The `onetoken-eval` command line: parse, dispatch, and turn every error into one stderr line and an exit code.
 * Stack traces only with DEBUG=onetoken-eval. Loaded by `main.ts` once the compile cache is on.
 */
import { CommanderError } from 'commander';
import { describeUnexpected, ExitCode, isDebugEnabled, OnetokenEvalError, SuiteError, wordOptions } from '../errors.js';
import { buildProgram } from './program.js';
import { toolVersion } from '../eval/index.js';
import { flagOf } from './options.js';

/** Commander's two-line messages ("error: …\n(Did you mean …?)") as our one line. */
function commanderLine(error: CommanderError): string {
  return error.message.replace(/^error:\s*/, '').replace(/\s*\n\s*/g, ' ').replace(/\(Did you mean/, '(did you mean').trim();
}

// `run --verbose 2>&1 | head -3` or `plan --json | head` closes our stdout or stderr early: that is the reader's
// choice, not an error, and it must never stop a run or change its exit code. Later writes are dropped.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);

async function main(): Promise<number> {
  let exitCode: number = ExitCode.ok;
  const program = buildProgram(toolVersion(), (code) => {
    exitCode = code;
  });
  program.exitOverride();
  program.configureOutput({ writeErr: () => undefined, outputError: () => undefined });
  for (const command of program.commands) {
    command.exitOverride();
    command.configureOutput({ writeErr: () => undefined, outputError: () => undefined });
  }
  try {
    // No command at all: show the help rather than exit silently.
    await program.parseAsync(process.argv.length <= 2 ? [...process.argv, '--help'] : process.argv);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return ExitCode.ok;
      if (error.code === 'commander.help' || error.code === 'commander.helpDisplayed') return ExitCode.ok;
      process.stderr.write(`onetoken-eval: ${commanderLine(error)}\n`);
      return ExitCode.invalidInput;
    }
    return reportError(error);
  }
}

/** Prints an error as one line (a SuiteError: one line per issue) and picks the exit code. */
function reportError(error: unknown): number {
  const isDebug = isDebugEnabled(process.env);
  if (error instanceof SuiteError) {
    // `file:line:col: path: message` stays first on the line so editors and terminals can jump to it.
    process.stderr.write(`${wordOptions(error.template, flagOf)}\n`);
    if (isDebug && error.stack) process.stderr.write(`${error.stack}\n`);
    return error.exitCode;
  }
  if (error instanceof OnetokenEvalError) {
    // Below the CLI, messages name options; here they are worded as the flags the user typed.
    process.stderr.write(`onetoken-eval: ${wordOptions(error.template, flagOf).replace(/\n/g, ' ')}\n`);
    if (isDebug && error.stack) process.stderr.write(`${error.stack}\n`);
    return error.exitCode;
  }
  process.stderr.write(`onetoken-eval: ${describeUnexpected(error, isDebug)}\n`);
  if (!isDebug) process.stderr.write('onetoken-eval: this is a bug; rerun with DEBUG=onetoken-eval and report the output\n');
  return ExitCode.internal;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.exitCode = reportError(error);
  },
);
