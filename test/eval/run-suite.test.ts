/** `runSuite` from the library does what `onetoken-eval run` does: the same results.json, timings aside. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSuite } from '../../src/eval/index.js';
import { startMockServer } from '../../src/mock/index.js';
import { cliEnv, makeTempDir, runCli } from '../helpers/cli.js';

/** results.json without what differs between two runs of the same plan: timings, ids, start time and version. */
function comparable(path: string): unknown {
  const text = readFileSync(path, 'utf8');
  return JSON.parse(text, (key, value) => (['latencyMs', 'ttftMs', 'latencyP50Ms', 'latencyP95Ms', 'responseId', 'requestId', 'startedAt'].includes(key) ? null : value));
}

describe('runSuite', { timeout: 60_000 }, () => {
  it('writes the same results.json as the CLI run of the same suite against the mock', async () => {
    const temp = makeTempDir();
    const server = await startMockServer();
    try {
      const cli = await runCli(['run', 'suites/capitals.yaml', '--mock', '--no-cache', '--out', join(temp.path, 'cli'), '--quiet'], { env: cliEnv() });
      expect(cli.code).toBe(1);
      const result = await runSuite('suites/capitals.yaml', { endpoint: { baseUrl: server.url, isMock: true }, cache: false, runDir: join(temp.path, 'lib') });
      expect(result.summary.cells).toBe(result.plan.cellCount);
      expect(result.outcome.stopped).toBeNull();
      expect(result.summaryMarkdown).toBe(readFileSync(join(temp.path, 'lib', 'summary.md'), 'utf8'));
      expect(comparable(join(temp.path, 'lib', 'results.json'))).toEqual(comparable(join(temp.path, 'cli', 'results.json')));
    } finally {
      await server.close();
      temp.remove();
    }
  });

  it('refuses a missing baseline before any request is made', async () => {
    const temp = makeTempDir();
    const server = await startMockServer();
    try {
      await expect(runSuite('suites/capitals.yaml', { endpoint: { baseUrl: server.url, isMock: true }, cache: false, runDir: join(temp.path, 'run'), baseline: join(temp.path, 'missing') })).rejects.toMatchObject({ code: 'OTE_CHECKPOINT' });
      expect(server.requests.length).toBe(0);
    } finally {
      await server.close();
      temp.remove();
    }
  });
});
