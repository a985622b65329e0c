/**
 * Pairwise judging end to end: the built binary against our mock server. A judge that always prefers the first
 * position yields ties; judgments survive `kill -9` and resume without being requested again; rescore re-judges
 * through the cache.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../../src/mock/index.js';
import { cliEnv, makeTempDir, runCli, startCli } from '../helpers/cli.js';

const SUITE = join('suites', 'custom-checks.yaml');
/** The exit code of a finished run of SUITE against the mock: it fails some cells on purpose (a bare city name is not a sentence). */
const SOME_FAILED = 1;

interface Judgment {
  id: string;
  index: number;
  winner: string | null;
}

function judgmentsJournal(dir: string): Judgment[] {
  const path = join(dir, 'judgments.jsonl');
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8').split('\n').filter((line) => line.trim()).flatMap((line) => {
    try {
      return [JSON.parse(line) as Judgment];
    } catch {
      return []; // a torn line being written right now
    }
  });
}

function results(dir: string) {
  return JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as {
    version: number;
    cells: { transformedOutput: string | null; output: string }[];
    summary: { pairwise: { pairs: { wins: number; ties: number; losses: number; judged: number }[]; matrix: unknown } };
    judgments: Judgment[];
  };
}

async function waitFor(condition: () => boolean, timeoutMs = 30_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('pairwise judging', { timeout: 60_000 }, () => {
  let server: MockServer;
  let temp: ReturnType<typeof makeTempDir>;
  const env = () => cliEnv({ ONETOKEN_API_KEY: 'test-key', ONETOKEN_BASE_URL: server.url });

  beforeAll(async () => {
    server = await startMockServer({ port: 0 });
    temp = makeTempDir();
  });
  afterAll(async () => {
    await server.close();
    temp.remove();
  });

  it('judges every row, records transformedOutput and writes results.json version 4 with the judgments', async () => {
    const out = join(temp.path, 'plain');
    const result = await runCli(['run', SUITE, '--out', out, '--no-cache', '--quiet'], { env: env() });
    expect(result.code).toBe(SOME_FAILED);
    expect(result.stdout).toMatch(/pairwise judging \(3 judgments, 0 errored/);
    const written = results(out);
    expect(written.version).toBe(4);
    expect(written.judgments.map((judgment) => judgment.index)).toEqual([0, 1, 2]);
    expect(written.summary.pairwise.pairs[0]!.judged).toBe(3);
    expect(written.cells.every((cell) => cell.transformedOutput === cell.output.trim())).toBe(true);
    expect(readFileSync(join(out, 'summary.md'), 'utf8')).toContain('## Pairwise');
  });

  it('turns a judge that always prefers the first position into ties, not wins', async () => {
    const out = join(temp.path, 'biased');
    const result = await runCli(['run', SUITE, '--out', out, '--no-cache', '--quiet', '--pairwise', 'PREFER-FIRST: the better answer'], { env: env() });
    expect(result.code).toBe(SOME_FAILED);
    expect(results(out).summary.pairwise.pairs).toEqual([expect.objectContaining({ judged: 3, wins: 0, ties: 3, losses: 0 })]);
  });

  it('takes --pairwise from run.json on resume and refuses another rubric', async () => {
    const out = join(temp.path, 'flag');
    const rubric = 'PREFER-FIRST: the better answer';
    expect((await runCli(['run', SUITE, '--out', out, '--no-cache', '--quiet', '--pairwise', rubric], { env: env() })).code).toBe(SOME_FAILED);
    const refused = await runCli(['run', SUITE, '--resume', out, '--no-cache', '--quiet', '--pairwise', 'another rubric'], { env: env() });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`--pairwise "another rubric" does not match the run directory's "${rubric}"`);
    const resumed = await runCli(['run', SUITE, '--resume', out, '--no-cache', '--quiet'], { env: env() });
    expect(resumed.code).toBe(SOME_FAILED);
    expect(results(out).summary.pairwise.pairs).toEqual([expect.objectContaining({ judged: 3, ties: 3 })]);
  });

  it('resumes judgments after kill -9 without judging a finished pair again', async () => {
    const out = join(temp.path, 'killed');
    const before = server.stats.chatRequests;
    // --concurrency 2 judges one pair at a time: 6 answers and the first judgment (2 requests) are answered,
    // then the second judgment's two requests hang until the process is killed.
    server.enqueue(...Array.from({ length: 8 }, () => ({ kind: 'ok' as const })));
    server.enqueue({ kind: 'delay', ms: 600_000 }, { kind: 'delay', ms: 600_000 });
    const { child, done } = startCli(['run', SUITE, '--out', out, '--no-cache', '--quiet', '--concurrency', '2'], { env: env() });
    await waitFor(() => judgmentsJournal(out).length >= 1 && server.stats.chatRequests >= before + 10);
    child.kill('SIGKILL');
    expect((await done).signal).toBe('SIGKILL');
    const finished = judgmentsJournal(out);
    expect(finished.map((judgment) => judgment.index)).toEqual([0]);

    const resumedFrom = server.stats.chatRequests;
    const resumed = await runCli(['run', SUITE, '--resume', out, '--no-cache', '--quiet', '--concurrency', '2'], { env: env() });
    expect(resumed.code).toBe(SOME_FAILED);
    // Only the two unfinished judgments, two requests each: no answer and no finished judgment is sent again.
    expect(server.stats.chatRequests - resumedFrom).toBe(4);
    const final = results(out).judgments;
    expect(final.map((judgment) => judgment.index)).toEqual([0, 1, 2]);
    expect(final.map((judgment) => judgment.winner)).toEqual(results(join(temp.path, 'plain')).judgments.map((judgment) => judgment.winner));
  });

  it('re-judges on rescore through the cache, without a request', async () => {
    const out = join(temp.path, 'cached');
    const cacheDir = join(temp.path, 'cache');
    expect((await runCli(['run', SUITE, '--out', out, '--cache-dir', cacheDir, '--quiet'], { env: env() })).code).toBe(SOME_FAILED);
    const before = server.stats.chatRequests;
    const rescored = await runCli(['rescore', out, '--cache-dir', cacheDir], { env: env() });
    expect(rescored.code).toBe(SOME_FAILED);
    expect(server.stats.chatRequests).toBe(before);
    expect(results(out).judgments).toHaveLength(3);
  });

  it('merges the judgments of shards into the merged run', async () => {
    const shards = [1, 2].map((index) => join(temp.path, `shard-${index}`));
    for (const [index, out] of shards.entries()) {
      expect((await runCli(['run', SUITE, '--out', out, '--shard', `${index + 1}/2`, '--no-cache', '--quiet'], { env: env() })).code).toBe(SOME_FAILED);
    }
    const merged = join(temp.path, 'merged');
    expect((await runCli(['merge', ...shards, '--out', merged], { env: env() })).code).toBe(SOME_FAILED);
    expect(results(merged).judgments.map((judgment) => judgment.index)).toEqual([0, 1, 2]);
    expect(results(merged).summary.pairwise.pairs[0]!.judged).toBe(3);
  });
});
