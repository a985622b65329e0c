/**
 * Standalone mock server for benchmarks and manual runs: `node dist/mock/main.js --port 0 --latency-ms 5`.
 * Prints the base URL as the first stdout line (the parent reads it to learn the port) and closes cleanly on
 * SIGTERM or SIGINT.
 */

import { describeUnexpected, isDebugEnabled, OnetokenEvalError } from '../errors.js';
import { loadMockFixtures } from './fixture-file.js';
import { parseMockServerArgs } from './main-args.js';
import { startMockServer } from './server.js';

async function main(): Promise<void> {
  const { options, fixturesFile } = parseMockServerArgs(process.argv.slice(2));
  if (fixturesFile !== null) options.fixtures = await loadMockFixtures(fixturesFile);
  const server = await startMockServer(options);
  process.stdout.write(`${server.url}\n`);
  const stop = (): void => {
    server.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  const isKnown = error instanceof OnetokenEvalError || error instanceof TypeError;
  process.stderr.write(`${isKnown ? (error as Error).message : describeUnexpected(error, isDebugEnabled(process.env))}\n`);
  process.exit(error instanceof OnetokenEvalError ? error.exitCode : isKnown ? 2 : 4);
});
