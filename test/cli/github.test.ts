/**
 * GitHub-native output end to end: markdown appended to GITHUB_STEP_SUMMARY by `run` and `compare`, `::error`
 * annotations at the real line of each failing case (a CSV row for the capitals suite), and `--junit` XML.
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../../src/mock/index.js';
import { BIN, cliEnv, makeTempDir, ROOT, runCli } from '../helpers/cli.js';

/** The `::error` lines of an output, as properties and message. */
function annotationsIn(text: string): { file: string; line: number; title: string; message: string }[] {
  return text.split('\n').flatMap((line) => {
    const match = /^::error file=([^,]+),line=(\d+),title=([^:]+)::(.*)$/.exec(line);
    return match ? [{ file: match[1]!, line: Number(match[2]), title: decodeURIComponent(match[3]!), message: match[4]! }] : [];
  });
}

/** The 1-based line of suites/data/capitals.csv whose row is about `country`, read from the file itself. */
function csvLineOf(country: string): number {
  const lines = readFileSync(join(ROOT, 'suites', 'data', 'capitals.csv'), 'utf8').split('\n');
  const index = lines.findIndex((line) => line.startsWith(`${country},`));
  expect(index, `no row for ${country}`).toBeGreaterThan(0);
  return index + 1;
}

/** The failing cells of a run with the country their question names. */
function failingCells(runDir: string): { id: string; country: string }[] {
  const cells = JSON.parse(readFileSync(join(runDir, 'results.json'), 'utf8')).cells as { id: string; pass: boolean | null; messages: { content: string }[] }[];
  return cells.filter((cell) => cell.pass === false).map((cell) => ({ id: cell.id, country: /capital of (.+)\?/.exec(cell.messages[0]!.content)![1]! }));
}

/** A suite with one passing, one failing and two errored cells (the search model refuses `temperature`). */
const MIXED_SUITE = `name: mixed
models:
  - gpt-4o-mini
  - id: gpt-4o-mini-search-preview
    label: search
defaults: { temperature: 0 }
prompts:
  - id: capital
    template: "What is the capital of {{ country }}? Answer with the city name only."
cases:
  - id: france
    vars: { country: France }
    assert:
      - type: icontains
        value: Paris
  - id: australia
    vars: { country: Australia }
    assert:
      - type: icontains
        value: Canberra
`;

describe('GitHub-native output', { timeout: 60_000 }, () => {
  let server: MockServer;
  let temp: ReturnType<typeof makeTempDir>;
  const dir = (name: string) => join(temp.path, name);
  // GITHUB_WORKSPACE is cleared so that running these tests inside GitHub Actions does not change the paths.
  const env = (extra: Record<string, string> = {}) => cliEnv({ ONETOKEN_API_KEY: 'sk-test', ONETOKEN_BASE_URL: server.url, GITHUB_WORKSPACE: undefined, ...extra });

  beforeAll(async () => {
    server = await startMockServer({ port: 0 });
    temp = makeTempDir();
  });
  afterAll(async () => {
    await server.close();
    temp.remove();
  });

  it('appends the run summary to GITHUB_STEP_SUMMARY after what earlier steps wrote', async () => {
    const summaryFile = dir('run-summary.md');
    writeFileSync(summaryFile, '## an earlier step\n');
    const result = await runCli(['run', 'suites/capitals.yaml', '--out', dir('summary-run'), '--no-cache', '--quiet'], { env: env({ GITHUB_STEP_SUMMARY: summaryFile }) });
    expect(result.code).toBe(1);
    const written = readFileSync(summaryFile, 'utf8');
    expect(written).toBe(`## an earlier step\n${readFileSync(join(dir('summary-run'), 'summary.md'), 'utf8')}`);
    expect(written).toContain('# capitals: eval results');
  });

  it('appends the compare report to GITHUB_STEP_SUMMARY as the same markdown --format md prints', async () => {
    expect((await runCli(['run', 'suites/capitals.yaml', '--out', dir('compare-head'), '--no-cache', '--quiet'], { env: env() })).code).toBe(1);
    const summaryFile = dir('compare-summary.md');
    const result = await runCli(['compare', dir('summary-run'), dir('compare-head'), '--format', 'md'], { env: env({ GITHUB_STEP_SUMMARY: summaryFile }) });
    expect(result.code).toBe(0);
    expect(readFileSync(summaryFile, 'utf8')).toBe(result.stdout);
    expect(result.stdout).toMatch(/^\*\*➖ No significant change\*\*/);
  });

  it('writes the compare report once when its stdout is already appended to GITHUB_STEP_SUMMARY', async () => {
    const summaryFile = dir('redirected-summary.md');
    writeFileSync(summaryFile, '## an earlier step\n');
    const fd = openSync(summaryFile, 'a');
    const child = spawn(process.execPath, [BIN, 'compare', dir('summary-run'), dir('compare-head'), '--format', 'md'], {
      cwd: ROOT,
      env: env({ GITHUB_STEP_SUMMARY: summaryFile }),
      stdio: ['ignore', fd, 'ignore'],
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    closeSync(fd);
    expect(code).toBe(0);
    const written = readFileSync(summaryFile, 'utf8');
    expect(written.startsWith('## an earlier step\n**➖ No significant change**')).toBe(true);
    expect(written.match(/No significant change/g)).toHaveLength(1);
  });

  it('annotates each failing cell at the line of its row in the CSV data file', async () => {
    const out = dir('annotated');
    const result = await runCli(['run', 'suites/capitals.yaml', '--out', out, '--no-cache', '--quiet'], { env: env({ GITHUB_ACTIONS: 'true' }) });
    expect(result.code).toBe(1);
    expect(result.stdout).not.toContain('::error');
    const annotations = annotationsIn(result.stderr);
    const failing = failingCells(out);
    expect(failing.length).toBeGreaterThan(0);
    expect(annotations).toHaveLength(failing.length);
    for (const cell of failing) {
      const annotation = annotations.find((item) => item.title === `onetoken-eval: ${cell.id}`);
      expect(annotation, cell.id).toBeDefined();
      expect(annotation!.file).toBe('suites/data/capitals.csv');
      expect(annotation!.line).toBe(csvLineOf(cell.country));
      expect(annotation!.message).toMatch(/^expected to contain ".+" in any case, got ".+"$/);
    }
  });

  it('points annotations at the file relative to GITHUB_WORKSPACE when run from a subdirectory', async () => {
    const result = await runCli(['run', 'capitals.yaml', '--out', dir('from-suites'), '--no-cache', '--quiet'], {
      env: env({ GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: ROOT }),
      cwd: join(ROOT, 'suites'),
    });
    expect(result.code).toBe(1);
    const annotations = annotationsIn(result.stderr);
    expect(annotations.length).toBeGreaterThan(0);
    for (const annotation of annotations) expect(annotation.file).toBe('suites/data/capitals.csv');
  });

  it('keeps stdout machine-readable inside GitHub Actions: JSON from run --json, markdown from compare --format md', async () => {
    const run = await runCli(['run', 'suites/capitals.yaml', '--out', dir('json-run'), '--no-cache', '--json'], { env: env({ GITHUB_ACTIONS: 'true' }) });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).summary.failed).toBeGreaterThan(0);
    expect(annotationsIn(run.stderr).length).toBeGreaterThan(0);

    const worse = await startMockServer({ port: 0, fixtures: [{ match: 'capital of', answer: 'Springfield' }] });
    try {
      expect((await runCli(['run', 'suites/capitals.yaml', '--out', dir('all-wrong'), '--no-cache', '--quiet'], { env: cliEnv({ ONETOKEN_API_KEY: 'sk-test', ONETOKEN_BASE_URL: worse.url }) })).code).toBe(1);
    } finally {
      await worse.close();
    }
    const compare = await runCli(['compare', dir('json-run'), dir('all-wrong'), '--format', 'md'], { env: env({ GITHUB_ACTIONS: 'true' }) });
    expect(compare.code).toBe(1);
    expect(compare.stdout).not.toContain('::error');
    const flips = annotationsIn(compare.stderr);
    expect(flips.length).toBeGreaterThan(0);
    for (const annotation of flips) {
      expect(annotation.file).toBe('suites/data/capitals.csv');
      expect(annotation.message).toMatch(/^regressed \(pass -> fail\): .*got "Springfield"$/);
      const country = /capital\/([a-z-]+)-[0-9a-f]{6}\//.exec(annotation.title)![1]!.replace(/-/g, ' ');
      expect(annotation.line).toBe(csvLineOf(country.replace(/\b\w/g, (letter) => letter.toUpperCase())));
    }
  });

  it('writes no annotation outside GitHub Actions', async () => {
    const result = await runCli(['run', 'suites/capitals.yaml', '--out', dir('plain'), '--no-cache', '--quiet'], { env: env() });
    expect(result.code).toBe(1);
    expect(result.stdout + result.stderr).not.toContain('::error');
  });

  it('writes JUnit XML with one testcase per cell, a failure per failed cell and an error per errored cell', async () => {
    const suite = dir('mixed.yaml');
    writeFileSync(suite, MIXED_SUITE);
    const junit = dir('junit.xml');
    const result = await runCli(['run', suite, '--out', dir('mixed'), '--no-cache', '--quiet', '--junit', junit], { env: env({ GITHUB_ACTIONS: 'true' }) });
    expect(result.code).toBe(3);
    const xml = readFileSync(junit, 'utf8');
    expect(xml).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="onetoken-eval" tests="4" failures="1" errors="2"/);
    expect(xml).toMatch(/<testsuite name="mixed" tests="4" failures="1" errors="2"/);
    expect(xml.match(/<testcase /g)).toHaveLength(4);
    const testcase = (classname: string, name: string) => new RegExp(`<testcase classname="${classname}" name="${name}"[^>]*>([\\s\\S]*?)</testcase>`).exec(xml)?.[1] ?? '';
    expect(testcase('capital/france', 'gpt-4o-mini#0')).not.toMatch(/<failure|<error/);
    expect(testcase('capital/australia', 'gpt-4o-mini#0')).toMatch(/<failure message="icontains: expected to contain &quot;Canberra&quot; in any case, got &quot;Sydney&quot;" type="assertion">/);
    for (const caseId of ['france', 'australia']) expect(testcase(`capital/${caseId}`, 'search#0')).toMatch(/<error message="OTE_API_BAD_REQUEST: [^"]*temperature[^"]*" type="OTE_API_BAD_REQUEST">/);
    // Inline cases are annotated at their own line of the suite file.
    const annotations = annotationsIn(result.stderr);
    const lines = MIXED_SUITE.split('\n');
    const failure = annotations.find((item) => item.title === 'onetoken-eval: capital/australia/gpt-4o-mini#0');
    expect(failure?.file).toBe(suite.replace(/\\/g, '/'));
    expect(lines[failure!.line - 1]).toContain('id: australia');
    expect(annotations.filter((item) => item.title.endsWith('/search#0'))).toHaveLength(2);
  });
});
