/** `onetoken-eval mock-server`: the built-in mock Onetoken API, serving until SIGINT/SIGTERM. */
import { ExitCode, UsageError } from '../../errors.js';
import { loadMockFixtures, startMockServer } from '../../mock/index.js';
import type { OptionValues } from '../options.js';

/** Serves until stopped; prints the base URL first so scripts can read it. */
export async function mockServerCommand(_args: string[], options: OptionValues): Promise<number> {
  const fixtures = options.fixtures ? await loadMockFixtures(options.fixtures) : undefined;
  const server = await startMockServer({ port: options.port, latencyMs: options.latencyMs, fixtures, keepRequestLog: false }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE') throw new UsageError(`--port ${String(options.port)}: the port is already in use; pick another or --port 0 for a free one`);
    if (error.code === 'EACCES') throw new UsageError(`--port ${String(options.port)}: not allowed to listen there; use a port above 1024`);
    throw error;
  });
  process.stdout.write(`${server.url}\n`);
  // The tool needs some key to send; the mock accepts any, so say so in a form that can be pasted as is.
  process.stderr.write(`mock Onetoken server listening; use ONETOKEN_BASE_URL=${server.url} with any key, e.g. ONETOKEN_API_KEY=any; Ctrl-C stops it\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  return ExitCode.ok;
}
