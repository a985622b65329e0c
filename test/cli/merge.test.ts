/**
 * Sharded runs and `onetoken-eval merge` end to end: three `run --shard i/3` directories merge into reports equal
 * to an unsharded run's, apart from the fields that measure time or name one HTTP response; `--shard auto` reads
 * the parallel-job variables of GitLab, Buildkite and Kubernetes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../../src/mock/index.js';
import { cliEnv, makeTempDir, runCli } from '../helpers/cli.js';

/**
 * Fields that legitimately differ between two runs of the same plan, so they are removed before comparing:
 * per cell `latencyMs` and `ttftMs` (wall-clock timings) and `requestId` and `responseId` (the server names
 * every response anew); per model `latencyP50Ms` and `latencyP95Ms`; the run's `startedAt`. Everything else
 * (outputs, seeds, request hashes, usage, cost, scores, order, the summary) must be identical.
 */
const CELL_TIMING_FIELDS = ['latencyMs', 'ttftMs', 'requestId', 'responseId'] as const;

/** The same for the CSV files: timing columns only (the CSVs carry no response ids). */
const CSV_TIMING_COLUMN = /(^|:)(latency_ms|ttft_ms)$/;

function readJson(path: string): Record<string, any> {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** results.json without the fields listed above. */
function comparableResults(runDir: string): Record<string, any> {
  const results = readJson(join(runDir, 'results.json'));
  delete results.run.startedAt;
  for (const cell of results.cells) for (const field of CELL_TIMING_FIELDS) delete cell[field];
  for (const model of results.summary.models) {
    delete model.latencyP50Ms;
    delete model.latencyP95Ms;
  }
  return results;
}

/** A CSV file as rows, without its timing columns. */
function comparableCsv(path: string): Record<string, string>[] {
  const rows = parseCsv(readFileSync(path), { columns: true, bom: true }) as Record<string, string>[];
  return rows.map((row) => Object.fromEntries(Object.entries(row).filter(([column]) => !CSV_TIMING_COLUMN.test(column))));
}

/** summary.md without the start time and with the p50/p95 latency cells of the models table blanked. */
function comparableSummary(path: string): string {
  let latencyColumns: number[] = [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line) => {
      if (line.includes(' · started ')) return line.replace(/ · started \S+/, ' · started <time>');
      if (!line.startsWith('|')) {
        latencyColumns = [];
        return line;
      }
      const cells = line.split('|');
      if (cells.some((cell) => cell.trim() === 'p50 ms')) latencyColumns = cells.flatMap((cell, index) => (/^p\d+ ms$/.test(cell.trim()) ? [index] : []));
      for (const index of latencyColumns) cells[index] = ' <ms> ';
      return cells.join('|');
    })
    .join('\n');
}

describe('sharded runs and merge', { timeout: 60_000 }, () => {
  let server: MockServer;
  let temp: ReturnType<typeof makeTempDir>;
  const dir = (name: string) => join(temp.path, name);
  const env = (extra: Record<string, string | undefined> = {}) => cliEnv({ ONETOKEN_API_KEY: 'sk-test', ONETOKEN_BASE_URL: server.url, JOB_COMPLETION_TOTAL: undefined, ...extra });
  const cellIds = (runDir: string) => readFileSync(join(runDir, 'cells.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line).id as string).sort();

  beforeAll(async () => {
    server = await startMockServer({ port: 0 });
    temp = makeTempDir();
    const full = await runCli(['run', 'suites/capitals.yaml', '--out', dir('full'), '--no-cache', '--quiet'], { env: env() });
    expect(full.code).toBe(1);
    for (const index of [1, 2, 3]) {
      const shard = await runCli(['run', 'suites/capitals.yaml', '--shard', `${index}/3`, '--out', dir(`shard-${index}`), '--no-cache', '--quiet'], { env: env() });
      expect(shard.code, shard.stderr).toBeOneOf([0, 1]);
    }
  }, 120_000);
  afterAll(async () => {
    await server.close();
    temp.remove();
  });

  it('writes partial run directories whose cells together are the whole plan, each cell once', () => {
    const shards = [1, 2, 3].map((index) => cellIds(dir(`shard-${index}`)));
    for (const [position, ids] of shards.entries()) {
      expect(ids.length).toBeGreaterThan(0);
      expect(readJson(join(dir(`shard-${position + 1}`), 'run.json')).shard).toEqual({ index: position + 1, count: 3 });
    }
    expect(shards.flat().sort()).toEqual(cellIds(dir('full')));
    expect(new Set(shards.flat()).size).toBe(30);
  });

  it('merges three shards into reports equal to the unsharded run apart from timings and response ids', async () => {
    const result = await runCli(['merge', dir('shard-1'), dir('shard-2'), dir('shard-3'), '--out', dir('merged')], { env: env() });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('merged 3 shards');
    const merged = comparableResults(dir('merged'));
    const full = comparableResults(dir('full'));
    expect(merged.cells).toHaveLength(30);
    expect(merged.run.shard).toBeNull();
    expect(merged.run.plan.shard).toBeNull();
    expect(merged).toEqual(full);
    for (const file of ['results.csv', 'comparison.csv']) expect(comparableCsv(join(dir('merged'), file))).toEqual(comparableCsv(join(dir('full'), file)));
    expect(comparableSummary(join(dir('merged'), 'summary.md'))).toBe(comparableSummary(join(dir('full'), 'summary.md')));
  });

  it('leaves a merged run rescorable as a whole, not as its first shard', async () => {
    const out = dir('merged-rescore');
    expect((await runCli(['merge', dir('shard-1'), dir('shard-2'), dir('shard-3'), '--out', out, '--quiet'], { env: env() })).code).toBe(1);
    const rescored = await runCli(['rescore', out, '--cache-dir', dir('cache'), '--quiet'], { env: env() });
    expect(rescored.stderr).toBe('');
    expect(rescored.code).toBe(1);
    expect(readJson(join(out, 'results.json')).summary.cells).toBe(30);
  });

  it('refuses shards of different plans with exit 2 and one line naming both directories', async () => {
    const other = dir('other-plan');
    expect((await runCli(['run', 'suites/capitals.yaml', '--models', 'gpt-4o', '--shard', '2/3', '--out', other, '--no-cache', '--quiet'], { env: env() })).code).toBe(0);
    const result = await runCli(['merge', dir('shard-1'), other, '--out', dir('mixed')], { env: env() });
    expect(result.code).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(dir('shard-1'));
    expect(lines[0]).toContain(other);
    expect(lines[0]).toMatch(/another plan/);
  });

  it('exits 2 naming the shard that was not given when one is missing', async () => {
    const result = await runCli(['merge', dir('shard-1'), dir('shard-3'), '--out', dir('partial'), '--quiet'], { env: env() });
    expect(result.code).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^onetoken-eval: 9 of 30 cells are in no shard/);
    expect(lines[0]).toContain('shard 2/3 not given');
  });

  it('exits 2 with one line when a shard directory does not exist', async () => {
    const result = await runCli(['merge', dir('shard-1'), dir('no-such-shard'), '--out', dir('nothing')], { env: env() });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(`${dir('no-such-shard')} is not a run directory`);
  });

  it('keeps one copy of each cell of a shard given twice and names the repeated shard', async () => {
    const out = dir('twice');
    const result = await runCli(['merge', dir('shard-1'), dir('shard-2'), dir('shard-3'), dir('shard-3'), '--out', out, '--quiet'], { env: env() });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/warning: 9 cells were in more than one shard/);
    expect(result.stderr).toContain('shard 3/3 was given 2 times');
    expect(readJson(join(out, 'results.json')).cells).toHaveLength(30);
  });

  it('refuses to merge without --out', async () => {
    const result = await runCli(['merge', dir('shard-1')], { env: env() });
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe('onetoken-eval: merge needs --out DIR: the directory to write the merged run to');
  });

  describe('--shard auto', () => {
    const cases: [system: string, variables: Record<string, string>, extraArgs: string[], shard: number][] = [
      ['GitLab (1-based CI_NODE_INDEX)', { CI_NODE_INDEX: '2', CI_NODE_TOTAL: '3' }, [], 2],
      ['Buildkite (0-based BUILDKITE_PARALLEL_JOB)', { BUILDKITE_PARALLEL_JOB: '0', BUILDKITE_PARALLEL_JOB_COUNT: '3' }, [], 1],
      ['Kubernetes with --shard-total', { JOB_COMPLETION_INDEX: '2' }, ['--shard-total', '3'], 3],
      ['Kubernetes with JOB_COMPLETION_TOTAL', { JOB_COMPLETION_INDEX: '1', JOB_COMPLETION_TOTAL: '3' }, [], 2],
    ];
    for (const [system, variables, extraArgs, shard] of cases) {
      it(`runs the same cells as --shard ${shard}/3 on ${system}`, async () => {
        const out = dir(`auto-${Object.keys(variables).join('-')}-${shard}`);
        const result = await runCli(['run', 'suites/capitals.yaml', '--shard', 'auto', ...extraArgs, '--out', out, '--no-cache', '--quiet'], { env: env(variables) });
        expect(result.code, result.stderr).toBeOneOf([0, 1]);
        expect(readJson(join(out, 'run.json')).shard).toEqual({ index: shard, count: 3 });
        expect(cellIds(out)).toEqual(cellIds(dir(`shard-${shard}`)));
      });
    }

    const refusals: [what: string, variables: Record<string, string>, message: RegExp][] = [
      ['no CI variables are set', {}, /^onetoken-eval: --shard auto: no CI parallel-job variables found .*pass --shard i\/n instead$/],
      ['GitLab counts from 1 but CI_NODE_INDEX is 0', { CI_NODE_INDEX: '0', CI_NODE_TOTAL: '3' }, /CI_NODE_INDEX="0" is not a whole number >= 1/],
      ['CI_NODE_INDEX is above CI_NODE_TOTAL', { CI_NODE_INDEX: '4', CI_NODE_TOTAL: '3' }, /CI_NODE_INDEX=4 is out of range for CI_NODE_TOTAL=3/],
      ['only CI_NODE_TOTAL is set', { CI_NODE_TOTAL: '3' }, /CI_NODE_INDEX is not set/],
      ['Kubernetes gives no count', { JOB_COMPLETION_INDEX: '0' }, /JOB_COMPLETION_INDEX is set but the shard count is not: pass --shard-total N/],
    ];
    for (const [what, variables, message] of refusals) {
      it(`exits 2 with one line and no request when ${what}`, async () => {
        const before = server.stats.chatRequests;
        const result = await runCli(['run', 'suites/capitals.yaml', '--shard', 'auto', '--out', dir('refused'), '--no-cache'], { env: env(variables) });
        expect(result.code).toBe(2);
        const lines = result.stderr.trim().split('\n');
        expect(lines).toHaveLength(1);
        expect(lines[0]).toMatch(message);
        expect(server.stats.chatRequests).toBe(before);
      });
    }
  });
});
