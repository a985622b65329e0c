/**
 * An unknown model id is requested once, not once per cell (issue 11, item 10): after its first 404 the model's
 * remaining cells are recorded as errored without a request, and the run names the model id, and a base URL
 * without `/v1` as the likely cause when it has none.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../../src/mock/index.js';
import { cliEnv, makeTempDir, runCli } from '../helpers/cli.js';

describe('a model id the API does not know', { timeout: 60_000 }, () => {
  let server: MockServer;
  let temp: ReturnType<typeof makeTempDir>;

  beforeAll(async () => {
    // Only gpt-4o exists here: gpt-4o-mini and gpt-4.1-mini of the capitals suite are answered 404.
    server = await startMockServer({ port: 0, models: ['gpt-4o'] });
    temp = makeTempDir();
  });
  afterAll(async () => {
    await server.close();
    temp.remove();
  });

  it('is requested once; its other cells are errored without a request and the run names the id', async () => {
    const out = join(temp.path, 'unknown');
    // One request at a time, so no second request of a model is in flight before its first 404 returns.
    const result = await runCli(['run', 'suites/capitals.yaml', '--out', out, '--no-cache', '--quiet', '--concurrency', '1'], { env: cliEnv({ ONETOKEN_API_KEY: 'sk-test', ONETOKEN_BASE_URL: server.url }) });
    expect(result.code).toBe(3);
    const sent = (model: string) => server.requests.filter((request) => request.model === model).length;
    expect([sent('gpt-4o'), sent('gpt-4o-mini'), sent('gpt-4.1-mini')]).toEqual([10, 1, 1]);
    expect(result.stderr).toContain('model id "gpt-4o-mini" was not found (404): its remaining cells were recorded as errored without a request');
    expect(result.stderr).not.toContain('does not end in /v1');
    const cells = readFileSync(join(out, 'cells.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    const mini = cells.filter((cell) => cell.modelId === 'gpt-4o-mini');
    expect(mini).toHaveLength(10);
    expect(mini.filter((cell) => cell.attempts === 0 && cell.error?.code === 'OTE_API_NOT_FOUND')).toHaveLength(9);
  });

  it('names a base URL without /v1 as the likely cause', async () => {
    const bare = server.url.replace(/\/v1$/, '');
    const result = await runCli(['run', 'suites/capitals.yaml', '--out', join(temp.path, 'bare'), '--no-cache', '--quiet', '--concurrency', '1'], { env: cliEnv({ ONETOKEN_API_KEY: 'sk-test', ONETOKEN_BASE_URL: bare }) });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(`the base URL ${bare} does not end in /v1, the likely cause (try ONETOKEN_BASE_URL=${bare}/v1)`);
  });
});
