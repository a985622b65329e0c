/**
 * Nothing lost: a real run process is killed with SIGKILL at several points, resumed, and compared with an
 * uninterrupted run. SIGINT writes the reports and exits 130 with the resume command.
 */
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../../src/mock/index.js';
import { cliEnv, makeTempDir, runCli, startCli } from '../helpers/cli.js';

interface Cell {
  id: string;
  index: number;
  modelId: string;
  seed: number;
  messages: { content: string }[];
  output: string;
  pass: boolean;
  score: number;
}

function journal(dir: string): Cell[] {
  const path = join(dir, 'cells.jsonl');
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as Cell];
      } catch {
        return []; // a torn line being written right now
      }
    });
}

function results(dir: string): Cell[] {
  return JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')).cells as Cell[];
}

async function waitFor(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** A delay no run outlives: the server is closed (and the delay aborted) long before it ends. */
const FOREVER_MS = 10 * 60_000;

/**
 * Scripts the mock so that a `--concurrency 2` run answers exactly `count` requests and then hangs with two
 * requests in flight, until it is killed: whether the kill lands mid-run no longer depends on how fast the
 * machine is. Returns the number of requests the server must have received before the kill, so that no
 * scripted step is left over for the resumed run.
 */
function hangAfter(server: MockServer, count: number): number {
  const before = server.stats.chatRequests;
  server.enqueue(...Array.from({ length: count }, () => ({ kind: 'ok' as const })));
  server.enqueue({ kind: 'delay', ms: FOREVER_MS }, { kind: 'delay', ms: FOREVER_MS });
  return before + count + 2;
}

/** The identity of a request as the mock saw it. */
function requestKey(body: Record<string, unknown>): string {
  return JSON.stringify([body.model, body.seed, body.messages]);
}

describe('kill and resume', { timeout: 60_000 }, () => {
  let server: MockServer;
  let temp: ReturnType<typeof makeTempDir>;
  let reference: Cell[];
  const env = () => cliEnv({ ONETOKEN_API_KEY: 'test-key', ONETOKEN_BASE_URL: server.url });
  const args = (out: string) => ['run', 'suites/capitals.yaml', '--out', out, '--no-cache', '--concurrency', '2', '--quiet'];

  beforeAll(async () => {
    server = await startMockServer({ port: 0, latencyMs: 25 });
    temp = makeTempDir();
    const result = await runCli(args(join(temp.path, 'reference')), { env: env() });
    expect(result.code).toBe(1);
    reference = results(join(temp.path, 'reference'));
  }, 60_000);
  afterAll(async () => {
    await server.close();
    temp.remove();
  });

  it.each([1, 9, 22])('loses no finished cell and repeats no finished request when killed after %i cells', async (after) => {
    const out = join(temp.path, `killed-${after}`);
    const requestsBefore = server.requests.length;
    const received = hangAfter(server, after);
    const { child, done } = startCli(args(out), { env: env() });
    await waitFor(() => journal(out).length >= after && server.stats.chatRequests >= received);
    child.kill('SIGKILL');
    const killed = await done;
    expect(killed.signal).toBe('SIGKILL');
    const finished = journal(out);

    const resumed = await runCli(['run', 'suites/capitals.yaml', '--resume', out, '--no-cache', '--concurrency', '2', '--quiet'], { env: env() });
    expect(resumed.code).toBe(1);

    const final = results(out);
    expect(final.map((cell) => cell.id)).toEqual(reference.map((cell) => cell.id));
    expect(final.map((cell) => [cell.output, cell.pass, cell.score])).toEqual(reference.map((cell) => [cell.output, cell.pass, cell.score]));

    const sent = new Map<string, number>();
    for (const request of server.requests.slice(requestsBefore)) {
      const key = requestKey(request.body);
      sent.set(key, (sent.get(key) ?? 0) + 1);
    }
    for (const cell of finished) {
      const key = JSON.stringify([cell.modelId, cell.seed, cell.messages]);
      expect(sent.get(key), `${cell.id} was requested again after it finished`).toBe(1);
    }
  });

  it('writes the reports and exits 130 with the resume command on SIGINT', async () => {
    const out = join(temp.path, 'interrupted');
    const received = hangAfter(server, 5);
    const { child, done } = startCli(args(out).filter((arg) => arg !== '--quiet'), { env: env() });
    await waitFor(() => journal(out).length >= 5 && server.stats.chatRequests >= received);
    // The two hung requests use up the grace period, then are aborted: five cells are written.
    child.kill('SIGINT');
    const result = await done;
    expect(result.code).toBe(130);
    expect(result.stderr).toContain(`--resume ${out}`);
    const written = results(out);
    expect(written.length).toBe(5);
    expect(existsSync(join(out, 'summary.md'))).toBe(true);

    const resumed = await runCli(['run', 'suites/capitals.yaml', '--resume', out, '--no-cache', '--concurrency', '2', '--quiet'], { env: env() });
    expect(resumed.code).toBe(1);
    expect(results(out).map((cell) => cell.output)).toEqual(reference.map((cell) => cell.output));
  });

  it('refuses to resume with a changed plan unless told to keep the still-valid cells', async () => {
    // The suite is edited between the runs (one model, then three): the plan changes, the flags do not.
    const suiteDir = join(temp.path, 'edited-suite');
    cpSync('suites', suiteDir, { recursive: true });
    const suite = join(suiteDir, 'capitals.yaml');
    const full = readFileSync(suite, 'utf8');
    writeFileSync(suite, full.replace(/models:\n(  - .*\n(    .*\n)*)+/, 'models:\n  - gpt-4o\n'));
    const out = join(temp.path, 'changed');
    await runCli(['run', suite, '--out', out, '--no-cache', '--quiet'], { env: env() });
    writeFileSync(suite, full);
    const refused = await runCli(['run', suite, '--resume', out, '--no-cache', '--quiet'], { env: env() });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/different plan/);
    const before = server.stats.chatRequests;
    const kept = await runCli(['run', suite, '--resume', out, '--allow-changed-suite', '--no-cache', '--quiet'], { env: env() });
    expect(kept.code).toBe(1);
    expect(server.stats.chatRequests - before).toBe(20);
    expect(results(out)).toHaveLength(30);
  });
});
