/**
 * A conversation is one cell, journaled when its last turn ends, and every turn is its own cached request: a run
 * killed with SIGKILL in the middle of conversations is resumed from the cache with no answered turn sent again.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../../src/mock/index.js';
import { cacheInfo } from '../../src/run/index.js';
import { cliEnv, makeTempDir, runCli, startCli } from '../helpers/cli.js';

const SUITE = join('test', 'fixtures', 'suites', 'valid-conversation.yaml');
const TURNS = 3;

interface Cell {
  id: string;
  output: string;
  pass: boolean;
  turns: { turn: number; seed: number; output: string }[];
}

function journalLines(dir: string): number {
  const path = join(dir, 'cells.jsonl');
  return existsSync(path) ? readFileSync(path, 'utf8').split('\n').filter((line) => line.trim()).length : 0;
}

function results(dir: string): Cell[] {
  return JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')).cells as Cell[];
}

async function waitFor(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/** A delay no run outlives: the server is closed (and the delay aborted) long before it ends. */
const FOREVER_MS = 10 * 60_000;

/**
 * Scripts the mock so that a `--concurrency 2` run answers exactly `count` requests and then hangs with two
 * requests in flight until it is killed, so where the kill lands does not depend on the machine's speed.
 * Returns the number of requests the server must have received by then.
 */
function hangAfter(server: MockServer, count: number): number {
  const before = server.stats.chatRequests;
  server.enqueue(...Array.from({ length: count }, () => ({ kind: 'ok' as const })));
  server.enqueue({ kind: 'delay', ms: FOREVER_MS }, { kind: 'delay', ms: FOREVER_MS });
  return before + count + 2;
}

describe('conversation kill and resume', { timeout: 60_000 }, () => {
  let server: MockServer;
  let temp: ReturnType<typeof makeTempDir>;
  let reference: Cell[];
  let referenceRequests: number;
  const env = () => cliEnv({ ONETOKEN_API_KEY: 'test-key', ONETOKEN_BASE_URL: server.url });

  beforeAll(async () => {
    server = await startMockServer({ port: 0 });
    temp = makeTempDir();
    const before = server.stats.chatRequests;
    const result = await runCli(['run', SUITE, '--out', join(temp.path, 'reference'), '--no-cache', '--quiet'], { env: env() });
    expect(result.code, result.stderr).toBe(0);
    referenceRequests = server.stats.chatRequests - before;
    reference = results(join(temp.path, 'reference'));
  }, 60_000);
  afterAll(async () => {
    await server.close();
    temp.remove();
  });

  it('sends every turn once over both runs and ends with the uninterrupted results', async () => {
    expect(referenceRequests).toBe(reference.length * TURNS);
    const out = join(temp.path, 'killed');
    const cacheDir = join(temp.path, 'cache');
    const args = ['run', SUITE, '--cache-dir', cacheDir, '--concurrency', '2', '--quiet'];
    // Two conversations run side by side: after 4 answers both have two turns in the cache, none is journaled,
    // and both wait on their third turn when the run is killed.
    const answered = 4;
    const received = hangAfter(server, answered);
    const { child, done } = startCli([...args, '--out', out], { env: env() });
    await waitFor(() => cacheInfo(cacheDir).entries >= answered && server.stats.chatRequests >= received);
    child.kill('SIGKILL');
    expect((await done).signal).toBe('SIGKILL');
    const stored = cacheInfo(cacheDir).entries;
    expect(stored).toBe(answered);
    expect(journalLines(out)).toBe(0);

    const before = server.stats.chatRequests;
    const resumed = await runCli([...args, '--resume', out], { env: env() });
    expect(resumed.code, resumed.stderr).toBe(0);
    // Each stored turn is read from the cache: only the turns never answered are sent.
    expect(server.stats.chatRequests - before).toBe(referenceRequests - stored);

    const final = results(out);
    expect(final.map((cell) => cell.id)).toEqual(reference.map((cell) => cell.id));
    expect(final.map((cell) => [cell.output, cell.pass, cell.turns.map((turn) => [turn.seed, turn.output])])).toEqual(
      reference.map((cell) => [cell.output, cell.pass, cell.turns.map((turn) => [turn.seed, turn.output])]),
    );
  });
});
