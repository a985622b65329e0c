/**
 * Every bundled suite shows what the tool is for against the mock (issue 16, item 16): some cells pass, some
 * fail, and a failed regex shows its pattern as it was written.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSuite } from '../../src/eval/index.js';
import { startMockServer, type MockServer } from '../../src/mock/index.js';
import { readResultCells } from '../../src/report/index.js';
import { makeTempDir, ROOT } from '../helpers/cli.js';

const SUITES = readdirSync(join(ROOT, 'suites')).filter((name) => name.endsWith('.yaml')).sort();

describe('the bundled suites against the mock', { timeout: 120_000 }, () => {
  let mock: MockServer;
  const temp = makeTempDir('ote-bundled-');
  beforeAll(async () => {
    mock = await startMockServer({ port: 0, keepRequestLog: false });
  });
  afterAll(async () => {
    await mock.close();
    temp.remove();
  });

  it.each(SUITES)('%s has a realistic mix of passes and failures', async (name) => {
    const result = await runSuite(join('suites', name), { endpoint: { baseUrl: mock.url, isMock: true }, cache: false, runDir: join(temp.path, name) });
    const { passed, failed, errored } = result.summary;
    expect(errored).toBe(0);
    expect(passed).toBeGreaterThan(0);
    expect(failed).toBeGreaterThan(0);
  });

  it('shows a failed regex of model-compare as written, not double-escaped', async () => {
    const runDir = join(temp.path, 'model-compare.yaml');
    const reasons: string[] = [];
    for await (const cell of readResultCells(join(runDir, 'results.json'))) {
      for (const assertion of cell.assertions) if (assertion.type === 'regex' && !assertion.pass) reasons.push(assertion.reason);
    }
    expect(reasons.length).toBeGreaterThan(0);
    for (const reason of reasons) expect(reason).toMatch(/^expected to match \/v\?\\d\+\\\.\\d\+\/, got "/);
  });
});
