/**
 * `--max-cost` counts what was spent (issue 11, item 6): answers from the cache are free, and a resumed run counts
 * the spend already in its run directory. Requests are counted on our mock server.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../../src/mock/index.js';
import { cliEnv, makeTempDir, runCli } from '../helpers/cli.js';

describe('--max-cost', { timeout: 60_000 }, () => {
  let server: MockServer;
  let temp: ReturnType<typeof makeTempDir>;
  const env = () => cliEnv({ ONETOKEN_API_KEY: 'sk-test', ONETOKEN_BASE_URL: server.url });

  beforeAll(async () => {
    server = await startMockServer({ port: 0 });
    temp = makeTempDir();
  });
  afterAll(async () => {
    await server.close();
    temp.remove();
  });
  beforeEach(() => {
    server.requests.length = 0;
  });

  it('does not count answers served from the cache', async () => {
    const cache = join(temp.path, 'cache');
    expect((await runCli(['run', 'suites/capitals.yaml', '--out', join(temp.path, 'warm'), '--cache-dir', cache, '--quiet'], { env: env() })).code).toBe(1);
    const rerun = await runCli(['run', 'suites/capitals.yaml', '--out', join(temp.path, 'cached'), '--cache-dir', cache, '--quiet', '--max-cost', '0.0000001'], { env: env() });
    expect(server.requests).toHaveLength(30);
    expect(rerun.stderr).not.toContain('stopped');
    expect(rerun.code).toBe(1);
  });

  it('counts the spend already in the run directory after a resume', async () => {
    const out = join(temp.path, 'budget');
    const first = await runCli(['run', 'suites/capitals.yaml', '--out', out, '--no-cache', '--quiet', '--concurrency', '1', '--max-cost', '0.0000001'], { env: env() });
    expect(first.code).toBe(3);
    const sent = server.requests.length;
    expect(sent).toBeLessThan(30);
    const resumed = await runCli(['run', 'suites/capitals.yaml', '--resume', out, '--no-cache', '--quiet', '--concurrency', '1', '--max-cost', '0.0000001'], { env: env() });
    expect(resumed.code).toBe(3);
    // The budget was already spent: the resume sends nothing instead of spending another budget's worth.
    expect(server.requests.length - sent).toBe(0);
    expect(resumed.stderr).toContain('the run directory already spent $');
  });
});
