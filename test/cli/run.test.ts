/**
 * `onetoken-eval run` end to end: the built binary against our mock server over loopback HTTP, started in this
 * test so it can count requests.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../../src/mock/index.js';
import { cliEnv, makeTempDir, ROOT, runCli } from '../helpers/cli.js';

const SECRET = 'sk-onetoken-test-SECRET-4f2a9c';

describe('onetoken-eval run', { timeout: 60_000 }, () => {
  let server: MockServer;
  let temp: ReturnType<typeof makeTempDir>;
  beforeAll(async () => {
    server = await startMockServer({ port: 0 });
  });
  afterAll(async () => {
    await server.close();
  });
  afterEach(() => temp?.remove());

  const env = () => cliEnv({ ONETOKEN_API_KEY: SECRET, ONETOKEN_BASE_URL: server.url });

  it('runs a suite, writes every report, and exits 1 when some assertions fail', async () => {
    temp = makeTempDir();
    const out = join(temp.path, 'run');
    const result = await runCli(['run', 'suites/capitals.yaml', '--out', out, '--cache-dir', join(temp.path, 'cache')], { env: env() });
    expect(result.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(result.code).toBe(1);
    for (const file of ['run.json', 'cells.jsonl', 'results.json', 'results.csv', 'comparison.csv', 'summary.md']) expect(existsSync(join(out, file))).toBe(true);
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
    expect(results.cells).toHaveLength(30);
    expect(results.cells.map((cell: { index: number }) => cell.index)).toEqual([...Array(30).keys()]);
    const rows = parseCsv(readFileSync(join(out, 'results.csv')), { columns: true, bom: true }) as Record<string, string>[];
    expect(rows).toHaveLength(30);
    expect(rows.filter((row) => row.pass === 'false').length).toBeGreaterThan(0);
    expect(result.stdout).toContain('gpt-4o-mini');
  });

  it('makes no request at all when an unchanged suite is run again with a warm cache', async () => {
    temp = makeTempDir();
    const cache = join(temp.path, 'cache');
    await runCli(['run', 'suites/capitals.yaml', '--out', join(temp.path, 'a'), '--cache-dir', cache], { env: env() });
    const before = server.stats.chatRequests;
    const again = await runCli(['run', 'suites/capitals.yaml', '--out', join(temp.path, 'b'), '--cache-dir', cache], { env: env() });
    expect(again.code).toBe(1);
    expect(server.stats.chatRequests).toBe(before);
    const cells = readFileSync(join(temp.path, 'b', 'cells.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    expect(cells.every((cell: { cached: boolean }) => cell.cached)).toBe(true);
    const first = JSON.parse(readFileSync(join(temp.path, 'a', 'results.json'), 'utf8')).cells.map((cell: { output: string }) => cell.output);
    const second = JSON.parse(readFileSync(join(temp.path, 'b', 'results.json'), 'utf8')).cells.map((cell: { output: string }) => cell.output);
    expect(second).toEqual(first);
  });

  it('sends a real request per repeat, each with its own seed, also on a rerun', async () => {
    temp = makeTempDir();
    const before = server.stats.chatRequests;
    const result = await runCli(['run', 'suites/capitals.yaml', '--models', 'gpt-4o', '--filter', '*france*', '--repeat', '3', '--out', join(temp.path, 'r'), '--no-cache'], { env: env() });
    expect(result.code).toBe(0);
    expect(server.stats.chatRequests - before).toBe(3);
    const cells = JSON.parse(readFileSync(join(temp.path, 'r', 'results.json'), 'utf8')).cells as { seed: number }[];
    expect(new Set(cells.map((cell) => cell.seed)).size).toBe(3);
  });

  it('never writes the API key to any output, report or log', async () => {
    temp = makeTempDir();
    const out = join(temp.path, 'run');
    const result = await runCli(['run', 'suites/model-compare.yaml', '--out', out, '--no-cache', '--verbose'], { env: env() });
    expect(result.stdout + result.stderr).not.toContain(SECRET);
    for (const file of readdirSync(out)) expect(readFileSync(join(out, file), 'utf8')).not.toContain(SECRET);
  });

  it('exits 2 before any request when the suite is invalid', async () => {
    temp = makeTempDir();
    const suite = join(temp.path, 'bad.yaml');
    writeFileSync(suite, 'name: bad\nmodels: [gpt-4o-mini]\nprompts:\n  - id: p\n    template: "{{ city }}"\ncases:\n  - vars: { country: France }\n');
    const before = server.stats.chatRequests;
    const result = await runCli(['run', suite, '--out', join(temp.path, 'run')], { env: env() });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/bad\.yaml:7:5: .*\{\{ city \}\}/);
    expect(server.stats.chatRequests).toBe(before);
  });

  it('exits 2 with a one-line message when the key is missing', async () => {
    temp = makeTempDir();
    const result = await runCli(['run', 'suites/capitals.yaml', '--out', join(temp.path, 'run')], { env: cliEnv({ ONETOKEN_BASE_URL: server.url }) });
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toMatch(/^onetoken-eval: ONETOKEN_API_KEY is not set/);
  });

  it('exits 3 when cells end in errors, and records the typed error on the cell', async () => {
    temp = makeTempDir();
    const suite = join(temp.path, 'refused.yaml');
    // The search model refuses temperature; without `omit` every request is a 400 that is not retried.
    writeFileSync(suite, 'name: refused\nmodels: [gpt-4o-mini-search-preview]\ndefaults: { temperature: 0.5 }\nprompts:\n  - id: p\n    template: "hello"\ncases:\n  - id: one\n');
    const result = await runCli(['run', suite, '--out', join(temp.path, 'run'), '--no-cache'], { env: env() });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/1 cell errored with OTE_API_BAD_REQUEST, e\.g\. .*temperature/);
    const cell = JSON.parse(readFileSync(join(temp.path, 'run', 'cells.jsonl'), 'utf8').trim());
    expect(cell.error.code).toBe('OTE_API_BAD_REQUEST');
    expect(cell.error.message).toContain('temperature');
  });

  it('stops dispatching on a rejected key, keeps nothing half-done, and exits 3', async () => {
    const strict = await startMockServer({ port: 0, apiKeys: ['the-right-key'] });
    temp = makeTempDir();
    const result = await runCli(['run', 'suites/capitals.yaml', '--out', join(temp.path, 'run'), '--no-cache', '--concurrency', '2'], {
      env: cliEnv({ ONETOKEN_API_KEY: 'the-wrong-key', ONETOKEN_BASE_URL: strict.url }),
    });
    await strict.close();
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/key was rejected/);
    expect(result.stderr).toContain('--resume');
    expect(strict.stats.chatRequests).toBeLessThan(30);
    expect(result.stdout + result.stderr).not.toContain('the-wrong-key');
  });

  it('exits 0 when every cell passes', async () => {
    temp = makeTempDir();
    const result = await runCli(['run', 'suites/capitals.yaml', '--models', 'gpt-4o', '--out', join(temp.path, 'run'), '--quiet', '--no-cache'], { env: env() });
    expect(result.code).toBe(0);
  });

  it('runs against the built-in mock with --mock and no key', async () => {
    temp = makeTempDir();
    const result = await runCli(['run', 'suites/extract-contacts.yaml', '--mock', '--out', join(temp.path, 'run'), '--json', '--no-cache'], { env: cliEnv(), cwd: ROOT });
    expect([0, 1]).toContain(result.code);
    const summary = JSON.parse(result.stdout);
    expect(summary.summary.cells).toBe(10);
  });

  it('stops dispatching when the estimated spend reaches --max-cost and says how to resume', async () => {
    temp = makeTempDir();
    const out = join(temp.path, 'run');
    const result = await runCli(['run', 'suites/capitals.yaml', '--models', 'gpt-4o', '--out', out, '--no-cache', '--concurrency', '1', '--max-cost', '0.0002'], { env: env() });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/--max-cost \$0\.0002/);
    expect(result.stderr).toContain(`--resume ${out}`);
    const cells = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')).cells;
    expect(cells.length).toBeGreaterThan(0);
    expect(cells.length).toBeLessThan(10);
  });

  it('shows and clears the response cache', async () => {
    temp = makeTempDir();
    const cache = join(temp.path, 'cache');
    await runCli(['run', 'suites/capitals.yaml', '--models', 'gpt-4o', '--out', join(temp.path, 'run'), '--cache-dir', cache], { env: env() });
    const info = await runCli(['cache', 'info', '--cache-dir', cache, '--json'], { env: env() });
    expect(JSON.parse(info.stdout).entries).toBe(10);
    const cleared = await runCli(['cache', 'clear', '--cache-dir', cache, '--json'], { env: env() });
    expect(JSON.parse(cleared.stdout).removed).toBe(10);
    expect(existsSync(cache)).toBe(false);
  });
});
