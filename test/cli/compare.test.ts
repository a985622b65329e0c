/**
 * `onetoken-eval compare` and `run --baseline` end to end: a base run against our mock server, a head run of the
 * same suite against the same server (no change) and one against a mock whose fixtures answer wrong capitals
 * for most countries (a regression).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockFixture, type MockServer } from '../../src/mock/index.js';
import { cliEnv, makeTempDir, runCli } from '../helpers/cli.js';

/** Seven of the ten capitals come back wrong; the other three stay right. */
const WORSE_CAPITALS: MockFixture[] = [
  ['France', 'Lyon'], ['Japan', 'Osaka'], ['Canada', 'Toronto'], ['Brazil', 'Rio de Janeiro'], ['Turkey', 'Istanbul'],
  ['Egypt', 'Alexandria'], ['New Zealand', 'Auckland'], ['Australia', 'Canberra'], ['Nigeria', 'Abuja'], ['Switzerland', 'Bern'],
].map(([country, city]) => ({ match: `capital of ${country}\\b`, answer: city }));

describe('onetoken-eval compare', { timeout: 60_000 }, () => {
  let good: MockServer;
  let worse: MockServer;
  let temp: ReturnType<typeof makeTempDir>;
  const dir = (name: string) => join(temp.path, name);
  const env = (server: MockServer) => cliEnv({ ONETOKEN_API_KEY: 'sk-test', ONETOKEN_BASE_URL: server.url });
  const run = (server: MockServer, out: string, extra: string[] = []) => runCli(['run', 'suites/capitals.yaml', '--out', out, '--no-cache', '--quiet', ...extra], { env: env(server) });

  beforeAll(async () => {
    good = await startMockServer({ port: 0 });
    worse = await startMockServer({ port: 0, fixtures: WORSE_CAPITALS });
    temp = makeTempDir();
    expect((await run(good, dir('base'))).code).toBe(1);
    expect((await run(good, dir('same'))).code).toBe(1);
    expect((await run(worse, dir('worse'))).code).toBe(1);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([good.close(), worse.close()]);
    temp.remove();
  });

  it('exits 0 and says there is no change for two runs of the same suite', async () => {
    const result = await runCli(['compare', dir('base'), dir('same')], { env: cliEnv() });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toMatch(/^No significant change/);
    expect(result.stdout).not.toMatch(/flips \(/);
  });

  it('exits 1 with a regression verdict and lists the flipped cells when answers got worse', async () => {
    const result = await runCli(['compare', dir('base'), dir('worse')], { env: cliEnv() });
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n')[0]).toMatch(/^Regression: /);
    expect(result.stdout).toMatch(/pass -> fail\s+capital\/france-[0-9a-f]+\/gpt-4o#0: expected to contain "Paris" in any case, got "Lyon"/);
    expect(result.stdout).toMatch(/\[-Paris-\]\{\+Lyon\+\}/);
  });

  it('prints markdown with the verdict and the flips under --format md', async () => {
    const result = await runCli(['compare', dir('base'), dir('worse'), '--format', 'md'], { env: cliEnv() });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^\*\*❌ Regression\*\*/);
    expect(result.stdout).toMatch(/^\| Model \| Pairs \|/m);
    expect(result.stdout).toMatch(/^### Pass → fail \(\d+\)$/m);
    expect(result.stdout).toContain('got "Auckland"');
  });

  it('prints a versioned JSON report under --format json', async () => {
    const result = await runCli(['compare', dir('base'), dir('worse'), '--format', 'json'], { env: cliEnv() });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.version).toBe(2);
    expect(report.verdict).toBe('regression');
    expect(report.overall.counts.passToFail).toBeGreaterThanOrEqual(14);
    const flip = report.flips.find((item: { id: string; model: string }) => item.id.startsWith('capital/japan-') && item.model === 'gpt-4o-mini');
    expect(flip).toMatchObject({ direction: 'pass-to-fail', head: { pass: false } });
    const same = JSON.parse((await runCli(['compare', dir('base'), dir('same'), '--format', 'json'], { env: cliEnv() })).stdout);
    expect(same.verdict).toBe('no-change');
    expect(same.flips).toEqual([]);
  });

  it('takes results.json files as well as run directories', async () => {
    const fromDirs = await runCli(['compare', dir('base'), dir('worse'), '--format', 'json'], { env: cliEnv() });
    const fromFiles = await runCli(['compare', join(dir('base'), 'results.json'), join(dir('worse'), 'results.json'), '--format', 'json'], { env: cliEnv() });
    expect(fromFiles.code).toBe(1);
    expect(JSON.parse(fromFiles.stdout)).toEqual(JSON.parse(fromDirs.stdout));
  });

  it('exits 2 with one line when a run directory does not exist', async () => {
    const result = await runCli(['compare', dir('no-such-run'), dir('worse')], { env: cliEnv() });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toBe(`onetoken-eval: ${dir('no-such-run')}: no such run directory or results file (ENOENT)`);
  });

  it('exits 2 with one line when a file is not a results file', async () => {
    const result = await runCli(['compare', 'suites/capitals.yaml', dir('worse')], { env: cliEnv() });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^onetoken-eval: suites\/capitals\.yaml: not an onetoken-eval results file/);
  });

  describe('run --baseline', () => {
    // gpt-4o answers every capital of the base run right, so the run's own assertions decide nothing here.
    beforeAll(async () => {
      expect((await run(good, dir('gpt-4o-base'), ['--models', 'gpt-4o'])).code).toBe(0);
    }, 60_000);

    it('compares in the same step and exits 0 when nothing regressed', async () => {
      const result = await runCli(['run', 'suites/capitals.yaml', '--models', 'gpt-4o', '--out', dir('gpt-4o-same'), '--no-cache', '--baseline', dir('gpt-4o-base')], { env: env(good) });
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^No significant change/m);
    });

    it('exits 1 and prints the regression when the run is worse than its baseline', async () => {
      const result = await runCli(['run', 'suites/capitals.yaml', '--models', 'gpt-4o', '--out', dir('gpt-4o-worse'), '--no-cache', '--baseline', join(dir('gpt-4o-base'), 'results.json')], { env: env(worse) });
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/^Regression: gpt-4o: 100\.0% -> 30\.0%/m);
      expect(result.stdout).toMatch(/pass -> fail\s+capital\/egypt-/);
    });

    it('exits 2 with a one-line message naming a missing baseline', async () => {
      const result = await runCli(['run', 'suites/capitals.yaml', '--models', 'gpt-4o', '--out', dir('no-baseline'), '--no-cache', '--quiet', '--baseline', dir('no-such-baseline')], { env: env(good) });
      expect(result.code).toBe(2);
      const lines = result.stderr.trim().split('\n');
      expect(lines.at(-1)).toBe(`onetoken-eval: ${dir('no-such-baseline')}: no such run directory or results file (ENOENT)`);
    });
  });
});
