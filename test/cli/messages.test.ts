/** What a user reads on the terminal (issue 16, items 7-11 and 14), from the built binary. */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../../src/mock/index.js';
import { cliEnv, makeTempDir, runCli } from '../helpers/cli.js';

const work = makeTempDir('ote-messages-');
const cacheEnv = () => cliEnv({ ONETOKEN_EVAL_CACHE_DIR: join(work.path, 'cache') });

/** A one-cell suite in the work directory. */
function oneCellSuite(): string {
  const path = join(work.path, 'one.yaml');
  writeFileSync(path, 'name: one\nmodels: [gpt-4o]\nprompts:\n  - { id: p, template: "What is the capital of {{ country }}?" }\ncases:\n  - vars: { country: France }\n');
  return path;
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

afterAll(() => work.remove());

describe('flags that only work together', { timeout: 60_000 }, () => {
  it.each([
    { args: ['--retry-errors'], line: 'onetoken-eval: --retry-errors needs --resume DIR: it reruns the errored cells of an earlier run directory' },
    { args: ['--allow-changed-suite'], line: 'onetoken-eval: --allow-changed-suite needs --resume DIR: it keeps the still-valid cells of an earlier run directory' },
    { args: ['--quiet', '--verbose'], line: 'onetoken-eval: --quiet and --verbose contradict each other: drop one' },
  ])('refuses $args with one line and exit 2', async ({ args, line }) => {
    const result = await runCli(['run', 'suites/capitals.yaml', '--mock', ...args], { env: cacheEnv() });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`${line}\n`);
  });
});

describe('small messages', { timeout: 60_000 }, () => {
  it('takes port 0 and says the range of --port', async () => {
    const result = await runCli(['mock-server', '--port', '-1']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('onetoken-eval: invalid --port "-1": expected a whole number from 0 to 65535\n');
  });

  it('accepts --limit 0: the counts without expanded requests', async () => {
    const result = await runCli(['plan', 'suites/capitals.yaml', '--limit', '0']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('total');
    expect(result.stdout).not.toContain('seed ');
  });

  it('keeps the case of a bad fixture pattern', async () => {
    const fixtures = join(work.path, 'fixtures.yaml');
    writeFileSync(fixtures, '- match: "[A-Z"\n  answer: x\n');
    const result = await runCli(['mock-server', '--fixtures', fixtures]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('/[A-Z/');
  });

  it('prints the issues of an invalid suite as JSON with validate --json and exits 2', async () => {
    const bad = join(work.path, 'bad.yaml');
    writeFileSync(bad, 'name: bad\nmodels: [gpt-4o]\nprompts:\n  - { id: p, template: hi }\ncases:\n  - vars: {}\n    asert: []\n');
    const result = await runCli(['validate', bad, '--json']);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout)).toEqual({ valid: false, issues: [{ file: bad, line: 7, column: 5, path: 'cases[0].asert', message: 'unknown key "asert" (did you mean "assert"?)' }] });
  });

  it('warns about a prompt rendering to an empty string, and refuses it with --strict', async () => {
    const empty = join(work.path, 'empty.yaml');
    writeFileSync(empty, 'name: empty\nmodels: [gpt-4o]\nprompts:\n  - { id: p, template: "{{ q }}" }\ncases:\n  - id: blank\n    vars: { q: "" }\n');
    const lenient = await runCli(['validate', empty]);
    expect(lenient.code).toBe(0);
    expect(lenient.stderr).toMatch(/^onetoken-eval: warning: .*empty\.yaml:6:5: case "blank": prompt "p" message 1 \(user\) renders to an empty string/);
    const strict = await runCli(['validate', empty, '--strict']);
    expect(strict.code).toBe(2);
    expect(strict.stderr).toMatch(/empty\.yaml:6:5: case "blank": prompt "p" message 1 \(user\) renders to an empty string/);
  });
});

describe('errors of the endpoint', { timeout: 60_000 }, () => {
  let mock: MockServer;
  beforeAll(async () => {
    // Far longer than the 200 ms limit: the attempt times out whatever the machine's load.
    mock = await startMockServer({ port: 0, keepRequestLog: false, script: [{ kind: 'delay', ms: 60_000 }] });
  });
  afterAll(() => mock.close());

  it('names --timeout-ms in a timeout and prints the --retry-errors command', async () => {
    const out = join(work.path, 'timeout-run');
    const env = cliEnv({ ONETOKEN_API_KEY: 'sk-test', ONETOKEN_BASE_URL: mock.url });
    const result = await runCli(['run', oneCellSuite(), '--timeout-ms', '200', '--max-attempts', '1', '--no-cache', '--out', out], { env });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('timed out: request took longer than 200 ms; raise --timeout-ms (after 1 attempt)');
    expect(result.stderr).not.toContain('timeouts.requestMs');
    expect(result.stderr).toContain(`1 cell ended in errors; once the cause is fixed, retry them with: onetoken-eval run ${oneCellSuite()} --resume ${out} --no-cache --retry-errors`);
  });

  it('names the host a connection failed to', async () => {
    const port = await closedPort();
    const env = cliEnv({ ONETOKEN_API_KEY: 'sk-test', ONETOKEN_BASE_URL: `http://127.0.0.1:${port}/v1` });
    const result = await runCli(['run', oneCellSuite(), '--max-attempts', '1', '--no-cache', '--out', join(work.path, 'refused-run')], { env });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(`connection to 127.0.0.1:${port} failed (ECONNREFUSED)`);
  });
});

describe('the end of a run', { timeout: 120_000 }, () => {
  const first = join(work.path, 'first');
  const second = join(work.path, 'second');
  let firstRun: Awaited<ReturnType<typeof runCli>>;

  beforeAll(async () => {
    firstRun = await runCli(['run', 'suites/capitals.yaml', '--mock', '--out', first], { env: cacheEnv() });
  });

  it('lists the first failing cells with model and reason, and where summary.md is', () => {
    expect(firstRun.code).toBe(1);
    expect(firstRun.stdout).toContain('failing cells (4):\n  capital/australia-ddbcc5/gpt-4o-mini#0  gpt-4o-mini  icontains: expected to contain "Canberra" in any case, got "Sydney"\n');
    expect(firstRun.stdout).toContain(`summary: ${join(first, 'summary.md')}\n`);
    // report.html (#13) is named exactly when the file is there.
    expect(firstRun.stdout.includes(`report: ${join(first, 'report.html')}\n`)).toBe(existsSync(join(first, 'report.html')));
  });

  it('says a cached rerun made no requests and spent nothing', async () => {
    const rerun = await runCli(['run', 'suites/capitals.yaml', '--mock', '--out', second], { env: cacheEnv() });
    expect(rerun.code).toBe(1);
    expect(rerun.stderr).toMatch(/^progress: 30\/30 cells \| 30 from cache, 0 requests \| .* \| 778 tokens \| spent \$0$/m);
  });

  it('does not name report.html when the run wrote none', async () => {
    const result = await runCli(['run', 'suites/capitals.yaml', '--mock', '--no-html', '--out', join(work.path, 'no-html')], { env: cacheEnv() });
    expect(existsSync(join(work.path, 'no-html', 'report.html'))).toBe(false);
    expect(result.stdout).not.toContain('report:');
    expect(result.stdout).toContain(`summary: ${join(work.path, 'no-html', 'summary.md')}\n`);
  });

  it('prints the summary table and its spend line, and only them, with --quiet on run, rescore and merge', async () => {
    const shards = [join(work.path, 'shard-1'), join(work.path, 'shard-2')];
    for (const [index, dir] of shards.entries()) await runCli(['run', 'suites/capitals.yaml', '--mock', '--shard', `${index + 1}/2`, '--out', dir, '--quiet'], { env: cacheEnv() });
    mkdirSync(join(work.path, 'merged-parent'), { recursive: true });
    const outputs = [
      await runCli(['run', 'suites/capitals.yaml', '--mock', '--out', join(work.path, 'quiet'), '--quiet'], { env: cacheEnv() }),
      await runCli(['rescore', first, '--quiet'], { env: cacheEnv() }),
      await runCli(['merge', ...shards, '--out', join(work.path, 'merged-parent', 'merged'), '--quiet'], { env: cacheEnv() }),
    ];
    for (const output of outputs) {
      expect(output.code).toBe(1);
      expect(output.stdout).toMatch(/^\n?\S.*\nmodel +passed +rate .*\n(.*\n)*total +26\/30 .*\nspent \$\S+: answers \$\S+( \(.*\))?\n$/);
      expect(output.stdout).not.toContain('failing cells');
      expect(output.stderr).not.toContain('progress:');
    }
  });
});

describe('cache counts in words', { timeout: 60_000 }, () => {
  it('says "1 entry", not "1 entries", after one answer was cached', async () => {
    const dir = join(work.path, 'cache-one');
    const env = cliEnv({ ONETOKEN_EVAL_CACHE_DIR: dir });
    expect((await runCli(['run', oneCellSuite(), '--mock', '--out', join(work.path, 'cache-one-run'), '--quiet'], { env })).code).toBe(0);
    const info = await runCli(['cache', 'info'], { env });
    expect(info.stdout).toMatch(/: 1 entry, [\d.]+ KiB\n$/);
    const cleared = await runCli(['cache', 'clear'], { env });
    expect(cleared.stdout).toMatch(/: removed 1 entry\n$/);
  });
});
