/**
 * llm-rubric end to end with `suites/model-compare.yaml`: grader requests are recorded on their cells, are sent
 * with temperature 0 and a fixed seed, a malformed verdict becomes an assertion error (not a crash), and
 * `rescore` grades through the response cache.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockRequestLog, type MockServer } from '../../src/mock/index.js';
import { GRADER_SEED } from '../../src/run/index.js';
import { cliEnv, makeTempDir, runCli } from '../helpers/cli.js';

interface GraderCall {
  model: string;
  requestHash: string;
  cached: boolean;
  usage: { promptTokens: number; completionTokens: number; totalTokens: number } | null;
  cost: number | null;
  error: string | null;
}

interface Cell {
  id: string;
  case: string;
  output: string;
  pass: boolean | null;
  error: unknown;
  assertions: { type: string; pass: boolean; error: string | null; reason: string }[];
  graderCalls: GraderCall[];
}

/** The cases of model-compare.yaml graded by llm-rubric; each runs on the suite's three models. */
const RUBRIC_CASES = ['nobel-literature', 'tech-headline'];

function cellsOf(runDir: string): Cell[] {
  return JSON.parse(readFileSync(join(runDir, 'results.json'), 'utf8')).cells;
}

function isGraderRequest(request: MockRequestLog): boolean {
  const messages = request.body.messages as { role: string; content: string }[];
  return messages.some((message) => message.role === 'system' && message.content.includes('onetoken-eval grader'));
}

describe('llm-rubric end to end', { timeout: 60_000 }, () => {
  let server: MockServer;
  let temp: ReturnType<typeof makeTempDir>;
  const dir = (name: string) => join(temp.path, name);
  const env = (target: MockServer = server) => cliEnv({ ONETOKEN_API_KEY: 'sk-test', ONETOKEN_BASE_URL: target.url });

  beforeAll(async () => {
    server = await startMockServer({ port: 0 });
    temp = makeTempDir();
  });
  afterAll(async () => {
    await server.close();
    temp.remove();
  });

  it('records each grader request on its cell with model, request hash, usage and cost', async () => {
    const firstRequest = server.requests.length;
    const result = await runCli(['run', 'suites/model-compare.yaml', '--out', dir('graded'), '--no-cache', '--quiet'], { env: env() });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    const cells = cellsOf(dir('graded'));
    expect(cells).toHaveLength(9);
    const graded = cells.filter((cell) => RUBRIC_CASES.includes(cell.case));
    expect(graded).toHaveLength(6);
    for (const cell of graded) {
      expect(cell.graderCalls).toHaveLength(1);
      const [call] = cell.graderCalls;
      expect(call).toMatchObject({ model: 'gpt-4o-mini', cached: false, error: null });
      expect(call!.requestHash).toMatch(/^[0-9a-f]{64}$/);
      expect(call!.usage!.totalTokens).toBeGreaterThan(0);
      expect(call!.cost).toBeGreaterThan(0);
      const rubric = cell.assertions.find((assertion) => assertion.type === 'llm-rubric')!;
      expect(rubric.error).toBeNull();
      expect(rubric.reason).toMatch(/rubric terms/);
    }
    for (const cell of cells.filter((item) => !RUBRIC_CASES.includes(item.case))) expect(cell.graderCalls).toEqual([]);
    expect(new Set(graded.map((cell) => cell.graderCalls[0]!.requestHash)).size).toBe(6);

    const summary = JSON.parse(readFileSync(join(dir('graded'), 'results.json'), 'utf8')).summary;
    expect(summary.graders).toMatchObject({ calls: 6, cached: 0, errors: 0 });

    const graderRequests = server.requests.slice(firstRequest).filter(isGraderRequest);
    expect(graderRequests).toHaveLength(6);
    for (const request of graderRequests) {
      expect(request.model).toBe('gpt-4o-mini');
      expect(request.body.temperature).toBe(0);
      expect(request.body.seed).toBe(GRADER_SEED);
    }
  });

  it('turns a malformed grader verdict into an assertion error and keeps running', async () => {
    // The mock grader answers prose instead of JSON when the graded answer contains MALFORMED-GRADER. The
    // lookahead keeps the fixture off the grading request itself, which quotes the question.
    const broken = await startMockServer({
      port: 0,
      fixtures: [{ match: String.raw`^(?!\s*Rubric:)[\s\S]*Nobel Prize`, answer: 'MALFORMED-GRADER: the 2025 laureate, see https://www.nobelprize.org' }],
    });
    try {
      const result = await runCli(['run', 'suites/model-compare.yaml', '--out', dir('malformed'), '--no-cache', '--quiet'], { env: env(broken) });
      expect(result.stderr).not.toMatch(/internal error|at .*\.js:\d+/);
      expect(result.code).toBe(1);
    } finally {
      await broken.close();
    }
    const cells = cellsOf(dir('malformed'));
    expect(cells).toHaveLength(9);
    for (const cell of cells) expect(cell.error).toBeNull();
    for (const cell of cells.filter((item) => item.case === 'nobel-literature')) {
      expect(cell.output).toContain('MALFORMED-GRADER');
      const rubric = cell.assertions.find((assertion) => assertion.type === 'llm-rubric')!;
      expect(rubric.pass).toBe(false);
      expect(rubric.error).toMatch(/^malformed grader verdict: expected a JSON object/);
      expect(cell.pass).toBe(false);
      expect(cell.graderCalls).toHaveLength(1);
    }
    for (const cell of cells.filter((item) => item.case === 'tech-headline')) {
      expect(cell.assertions.find((assertion) => assertion.type === 'llm-rubric')!.error).toBeNull();
    }
  });

  it('grades through the cache on rescore: a second rescore sends no grader request', async () => {
    const out = dir('rescored');
    expect((await runCli(['run', 'suites/model-compare.yaml', '--out', out, '--no-cache', '--quiet'], { env: env() })).code).toBe(1);
    const cache = dir('grader-cache');
    const before = server.stats.chatRequests;
    const first = await runCli(['rescore', out, '--cache-dir', cache, '--quiet'], { env: env() });
    expect(first.code).toBe(1);
    expect(server.stats.chatRequests - before).toBe(6);
    const afterFirst = cellsOf(out);

    const second = await runCli(['rescore', out, '--cache-dir', cache, '--quiet'], { env: env() });
    expect(second.code).toBe(1);
    expect(server.stats.chatRequests - before).toBe(6);
    const afterSecond = cellsOf(out);
    for (const cell of afterSecond.filter((item) => RUBRIC_CASES.includes(item.case))) {
      expect(cell.graderCalls.map((call) => call.cached)).toEqual([true]);
      const earlier = afterFirst.find((item) => item.id === cell.id)!;
      expect(cell.graderCalls[0]!.requestHash).toBe(earlier.graderCalls[0]!.requestHash);
      expect(cell.assertions).toEqual(earlier.assertions);
    }
  });
});
