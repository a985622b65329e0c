/**
 * The CI gate cannot be fooled (issue 11): `compare` refuses what it cannot judge, `--resume` keeps the plan of
 * its directory, `run --baseline` exits on regressions only, baselines and comparison options are checked before
 * any request, and unfinished runs say so. Requests are counted on our mock server started on port 0.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../../src/mock/index.js';
import { cliEnv, makeTempDir, runCli } from '../helpers/cli.js';

describe('the CI gate', { timeout: 60_000 }, () => {
  let server: MockServer;
  let temp: ReturnType<typeof makeTempDir>;
  const dir = (name: string) => join(temp.path, name);
  const env = () => cliEnv({ ONETOKEN_API_KEY: 'sk-test', ONETOKEN_BASE_URL: server.url });
  const run = (suite: string, out: string, extra: string[] = []) => runCli(['run', `suites/${suite}.yaml`, '--out', out, '--no-cache', '--quiet', ...extra], { env: env() });
  const mockRun = (suite: string, out: string, extra: string[] = []) => runCli(['run', `suites/${suite}.yaml`, '--out', out, '--no-cache', '--quiet', '--mock', ...extra], { env: cliEnv() });
  const oneLine = (stderr: string) => {
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    return lines[0]!;
  };

  beforeAll(async () => {
    server = await startMockServer({ port: 0 });
    temp = makeTempDir();
    // The mock's gpt-4o-mini names Sydney for Australia: a known failure in every run of capitals.
    expect((await run('capitals', dir('base'))).code).toBe(1);
    expect((await mockRun('capitals', dir('mock-base'))).code).toBe(1);
    expect((await mockRun('extract-contacts', dir('contacts'))).code).not.toBe(2);
  }, 120_000);
  afterAll(async () => {
    await server.close();
    temp.remove();
  });
  beforeEach(() => {
    server.requests.length = 0;
  });

  describe('compare refuses what it cannot judge', () => {
    it('exits 2 with one line for runs of different suites', async () => {
      const result = await runCli(['compare', dir('mock-base'), dir('contacts')], { env: cliEnv() });
      expect(result.code).toBe(2);
      expect(oneLine(result.stderr)).toBe('onetoken-eval: the runs are of different suites (base "capitals", head "extract-contacts"): compare runs of the same suite');
    });

    it('exits 2 when no cell matches', async () => {
      await mockRun('capitals', dir('mini-only'), ['--models', 'gpt-4o-mini']);
      const other = await mockRun('capitals', dir('big-only'), ['--models', 'gpt-4o']);
      expect(other.code).not.toBe(2);
      const result = await runCli(['compare', dir('mini-only'), dir('big-only')], { env: cliEnv() });
      expect(result.code).toBe(2);
      expect(oneLine(result.stderr)).toMatch(/^onetoken-eval: no cell of the head matches a cell of the base \(10 base cells\)/);
    });

    it('exits 2 below --min-coverage and compares on purpose with --allow-partial, saying how much', async () => {
      await mockRun('capitals', dir('partial'), ['--filter', 'capital/[a-m]*']);
      const refused = await runCli(['compare', dir('mock-base'), dir('partial')], { env: cliEnv() });
      expect(refused.code).toBe(2);
      expect(oneLine(refused.stderr)).toBe("onetoken-eval: the head covers 18 of the base's 30 cells (60.0%), below --min-coverage 90.0%: run the missing cells, or add --allow-partial to compare what there is");
      const allowed = await runCli(['compare', dir('mock-base'), dir('partial'), '--allow-partial'], { env: cliEnv() });
      expect(allowed.code).toBe(0);
      expect(allowed.stdout).toContain('coverage: compared 18 of 30 base cells (60.0%)');
      expect((await runCli(['compare', dir('mock-base'), dir('partial'), '--min-coverage', '0.5'], { env: cliEnv() })).code).toBe(0);
    });

    it('exits 2 for a mock run against a real one unless --allow-endpoint-change, and shows the endpoints', async () => {
      const refused = await runCli(['compare', dir('mock-base'), dir('base')], { env: cliEnv() });
      expect(refused.code).toBe(2);
      expect(oneLine(refused.stderr)).toMatch(/^onetoken-eval: the base ran against the mock endpoint and the head against the real one .* add --allow-endpoint-change to compare anyway$/);
      const allowed = await runCli(['compare', dir('mock-base'), dir('base'), '--allow-endpoint-change', '--format', 'json'], { env: cliEnv() });
      expect(allowed.code).toBe(0);
      const report = JSON.parse(allowed.stdout);
      expect(report.base.endpoint).toEqual({ kind: 'mock', baseUrl: 'mock' });
      expect(report.head.endpoint).toEqual({ kind: 'real', baseUrl: server.url });
      expect(report.drift).toEqual([`endpoint changed: base mock, head ${server.url}`]);
    });

    it('exits 2 for an unfinished head and gives the resume command; results.json and summary.md say it is incomplete', async () => {
      cpSync(dir('mock-base'), dir('killed'), { recursive: true });
      const journal = join(dir('killed'), 'cells.jsonl');
      writeFileSync(journal, readFileSync(journal, 'utf8').split('\n').slice(0, 8).join('\n') + '\n');
      // rescore rewrites the reports of the 8 recorded cells, as after a kill -9.
      expect((await runCli(['rescore', dir('killed'), '--quiet'], { env: cliEnv() })).code).not.toBe(2);
      const results = JSON.parse(readFileSync(join(dir('killed'), 'results.json'), 'utf8'));
      expect(results.summary).toMatchObject({ complete: false, missingCells: 22, endpoint: { kind: 'mock', baseUrl: 'mock' } });
      expect(readFileSync(join(dir('killed'), 'summary.md'), 'utf8').split('\n')[0]).toBe('# capitals: eval results (incomplete)');
      const result = await runCli(['compare', dir('mock-base'), dir('killed')], { env: cliEnv() });
      expect(result.code).toBe(2);
      expect(oneLine(result.stderr)).toBe(`onetoken-eval: the head run is unfinished: 8 of 30 cells have a record; finish it with \`onetoken-eval run suites/capitals.yaml --resume ${dir('killed')} --mock\` and compare again`);
    });
  });

  describe('--resume keeps the plan of its directory', () => {
    beforeAll(async () => {
      expect((await run('capitals', dir('shard2'), ['--shard', '2/3'])).code).not.toBe(2);
    });

    it('takes the shard from run.json when --resume is given alone, and sends nothing for a finished shard', async () => {
      const result = await runCli(['run', 'suites/capitals.yaml', '--resume', dir('shard2'), '--no-cache', '--quiet'], { env: env() });
      expect(result.code).not.toBe(2);
      expect(server.requests).toHaveLength(0);
      expect(JSON.parse(readFileSync(join(dir('shard2'), 'run.json'), 'utf8')).shard).toEqual({ index: 2, count: 3 });
    });

    it.each([
      { flag: ['--shard', '1/3'], line: "onetoken-eval: --shard 1/3 does not match the run directory's 2/3" },
      { flag: ['--filter', 'capital/*'], line: "onetoken-eval: --filter capital/* does not match the run directory's none" },
      { flag: ['--models', 'gpt-4o'], line: "onetoken-eval: --models gpt-4o does not match the run directory's all" },
      { flag: ['--repeat', '2'], line: "onetoken-eval: --repeat 2 does not match the run directory's 1" },
    ])('refuses $flag before any request, naming the option and both values', async ({ flag, line }) => {
      const result = await runCli(['run', 'suites/capitals.yaml', '--resume', dir('shard2'), ...flag, '--no-cache', '--quiet'], { env: env() });
      expect(result.code).toBe(2);
      expect(oneLine(result.stderr).startsWith(line)).toBe(true);
      expect(server.requests).toHaveLength(0);
      expect(JSON.parse(readFileSync(join(dir('shard2'), 'run.json'), 'utf8')).shard).toEqual({ index: 2, count: 3 });
    });
  });

  describe('run --baseline exits on the gate', () => {
    it('exits 0 when the only failures are ones the baseline also had, and --json carries the comparison', async () => {
      const result = await run('capitals', dir('head'), ['--baseline', dir('base'), '--json']);
      expect(result.code).toBe(0);
      const json = JSON.parse(result.stdout);
      expect(json.summary.failed).toBeGreaterThan(0);
      expect(json.comparison).toMatchObject({ verdict: 'no-change', coverage: { matched: 30, baseCells: 30 } });
    });

    it('exits 1 below --min-pass-rate, with or without a baseline', async () => {
      const floor = await run('capitals', dir('floor'), ['--baseline', dir('base'), '--min-pass-rate', '0.99']);
      expect(floor.code).toBe(1);
      expect(floor.stderr).toMatch(/the pass rate \d+\.\d% \(\d+\/30\) is below --min-pass-rate 99\.0%/);
      expect((await run('capitals', dir('floor-ok'), ['--min-pass-rate', '0.5'])).code).toBe(0);
    });

    it.each([
      { name: '--alpha 0', args: ['--baseline', 'BASE', '--alpha', '0'], line: /^onetoken-eval: invalid --alpha "0": expected a number between 0 and 1, both excluded$/ },
      { name: '--max-drop 2', args: ['--baseline', 'BASE', '--max-drop', '2'], line: /^onetoken-eval: invalid --max-drop "2"/ },
      { name: 'a baseline of another suite', args: ['--baseline', 'CONTACTS'], line: /^onetoken-eval: the runs are of different suites/ },
      { name: 'a mock baseline for a real run', args: ['--baseline', 'MOCK'], line: /--allow-endpoint-change/ },
      { name: 'a missing baseline', args: ['--baseline', 'NOWHERE'], line: /no such run directory or results file/ },
    ])('refuses $name with exit 2 before any request', async ({ args, line }) => {
      const paths: Record<string, string> = { BASE: dir('base'), CONTACTS: dir('contacts'), MOCK: dir('mock-base'), NOWHERE: dir('nowhere') };
      const result = await run('capitals', dir(`refused-${args.join('-').replace(/\W+/g, '-')}`), args.map((arg) => paths[arg] ?? arg));
      expect(result.code).toBe(2);
      expect(oneLine(result.stderr)).toMatch(line);
      expect(server.requests).toHaveLength(0);
    });
  });

  describe('rescore', () => {
    it('records the suite it scored with, path and hash', async () => {
      cpSync(dir('base'), dir('rescored'), { recursive: true });
      expect((await runCli(['rescore', dir('rescored'), '--suite', 'suites/capitals.yaml', '--quiet'], { env: cliEnv() })).code).toBe(1);
      const meta = JSON.parse(readFileSync(join(dir('rescored'), 'run.json'), 'utf8'));
      expect(meta.rescoredWith).toEqual({ path: 'suites/capitals.yaml', hash: meta.suite.hash });
    });

    it('refuses an llm-rubric suite without a key or --mock before overwriting the reports', async () => {
      expect((await mockRun('model-compare', dir('rubric'))).code).not.toBe(2);
      const before = readFileSync(join(dir('rubric'), 'results.json'), 'utf8');
      const result = await runCli(['rescore', dir('rubric'), '--quiet'], { env: cliEnv() });
      expect(result.code).toBe(2);
      expect(oneLine(result.stderr)).toMatch(/^onetoken-eval: rescore needs a grader model for the suite's llm-rubric assertions, so nothing was rescored: ONETOKEN_API_KEY is not set: .* --mock /);
      expect(readFileSync(join(dir('rubric'), 'results.json'), 'utf8')).toBe(before);
    });
  });
});
