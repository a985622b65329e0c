/**
 * The flags of `src/mock/main.ts`, the standalone entry the benchmarks start in a child process. Kept apart
 * from `main.ts` so the parsing is testable without spawning a process.
 */

import { UsageError } from '../errors.js';
import type { MockServerOptions } from './types.js';

/** Parsed flags: server options plus the fixture file to load, if any. */
export interface MockServerArgs {
  options: MockServerOptions;
  /** `--fixtures <file>`: a YAML or JSON fixture file replacing the built-in fixtures. */
  fixturesFile: string | null;
}

/** Flags that take a non-negative number, and the option each sets. */
const NUMBER_FLAGS = {
  '--port': 'port',
  '--latency-ms': 'latencyMs',
  '--jitter-ms': 'jitterMs',
  '--seed': 'seed',
  '--stream-chunk-delay-ms': 'streamChunkDelayMs',
} as const;

const USAGE =
  'expected --port N, --host H, --latency-ms N, --jitter-ms N, --seed N, --stream-chunk-delay-ms N, --fixtures FILE or --no-log';

/**
 * Parses `--port N --host H --latency-ms N --jitter-ms N --seed N --stream-chunk-delay-ms N --fixtures FILE
 * --no-log` (also `--flag=value`). Throws a `UsageError` naming the bad flag.
 */
export function parseMockServerArgs(argv: readonly string[]): MockServerArgs {
  const options: MockServerOptions = {};
  let fixturesFile: string | null = null;
  for (let index = 0; index < argv.length; index += 1) {
    const [flag, inline] = argv[index].split(/=(.*)/s, 2);
    if (flag === '--no-log') {
      options.keepRequestLog = false;
      continue;
    }
    const takesValue = flag in NUMBER_FLAGS || flag === '--host' || flag === '--fixtures';
    if (!takesValue) throw new UsageError(`unknown flag "${argv[index]}" (${USAGE})`);
    const value = inline ?? argv[++index];
    if (value === undefined || value === '') throw new UsageError(`${flag}: expected a value, got nothing`);
    if (flag === '--host') options.host = value;
    else if (flag === '--fixtures') fixturesFile = value;
    else {
      const number = Number(value);
      if (!Number.isFinite(number) || number < 0) {
        throw new UsageError(`${flag}: expected a non-negative number, got "${value}"`);
      }
      options[NUMBER_FLAGS[flag as keyof typeof NUMBER_FLAGS]] = number;
    }
  }
  return { options, fixturesFile };
}
