/**
 * Flags that only mean something together, checked before a command starts: silently ignoring `--retry-errors`
 * without `--resume` would leave a user believing errored cells were retried.
 */
import { UsageError } from '../errors.js';
import type { OptionValues } from './options.js';

/** Throws a one-line `UsageError` for the first combination of flags that cannot work. */
export function checkFlagCombinations(options: OptionValues): void {
  if (options.retryErrors && !options.resume) {
    throw new UsageError('--retry-errors needs --resume DIR: it reruns the errored cells of an earlier run directory');
  }
  if (options.allowChangedSuite && !options.resume) {
    throw new UsageError('--allow-changed-suite needs --resume DIR: it keeps the still-valid cells of an earlier run directory');
  }
  if (options.quiet && options.verbose) {
    throw new UsageError('--quiet and --verbose contradict each other: drop one');
  }
}
