/** The library entry: the pipeline the README shows works end to end through the public exports alone. */
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';
import { makeTempDir } from './helpers/cli.js';

describe('the public API', () => {
  it('exports every step of the pipeline, the mock server and the error classes', () => {
    for (const name of ['runSuite', 'rescoreRun', 'mergeRuns', 'compareRuns', 'loadSuite', 'buildPlan', 'runPlan', 'executeRun', 'scoreAnswer', 'writeReports', 'compareRunRecords', 'startMockServer', 'OnetokenEvalError', 'SuiteError', 'ApiError']) {
      expect(typeof (api as Record<string, unknown>)[name], name).toBe('function');
    }
  });

  it('runs the steps one by one: suite -> plan -> run -> reports against the mock', async () => {
    const temp = makeTempDir();
    const server = await api.startMockServer();
    try {
      const suite = api.loadSuite('suites/capitals.yaml');
      const plan = api.buildPlan(suite, { models: ['gpt-4o'], repeat: 3 });
      const client = api.createClient({ baseUrl: server.url, apiKey: 'any' });
      const runDir = `${temp.path}/run`;
      const { meta, outcome } = await api.executeRun(plan, {
        runDir, client, baseUrl: server.url, endpoint: server.url, cache: null, useCache: false, concurrency: 8, toolVersion: 'lib', startedAt: new Date(0),
      });
      const { summary } = await api.writeReports(runDir, meta, api.journalRecords(runDir));
      await client.close();
      expect(outcome.recorded).toBe(30);
      expect(summary.cells).toBe(30);
      expect(summary.passed).toBe(30);
    } finally {
      await server.close();
      temp.remove();
    }
  });
});
