/** A run stopped before its judgments (here: the key refused mid-run) makes none, so a resume makes them all. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSuite } from '../../src/eval/index.js';
import { startMockServer } from '../../src/mock/index.js';
import { makeTempDir } from '../helpers/cli.js';

describe('pairwise judging of a stopped run', { timeout: 60_000 }, () => {
  it('journals no judgment after the key was refused, and leaves them all for the resume', async () => {
    const temp = makeTempDir();
    const server = await startMockServer();
    try {
      // Five of the six answers, then every request refused: the run stops with the key refused.
      server.enqueue(...Array.from({ length: 5 }, () => ({ kind: 'ok' as const })), ...Array.from({ length: 20 }, () => ({ kind: 'status' as const, status: 401 })));
      const runDir = join(temp.path, 'run');
      const result = await runSuite('suites/custom-checks.yaml', { endpoint: { baseUrl: server.url, apiKey: 'test-key' }, cache: false, concurrency: 1, runDir });
      expect(result.outcome.stopped?.reason).toBe('auth');
      expect(result.judgments).toEqual({ judged: 0, pending: 3 });
      const journal = join(runDir, 'judgments.jsonl');
      expect(existsSync(journal) ? readFileSync(journal, 'utf8') : '').toBe('');
    } finally {
      await server.close();
      temp.remove();
    }
  });
});
