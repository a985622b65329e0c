/** `onetoken-eval report`, `--no-html` and `compare --html` end to end against the built-in mock. */
import { cpSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliEnv, makeTempDir, runCli } from '../helpers/cli.js';

describe('onetoken-eval report', { timeout: 60_000 }, () => {
  let temp: ReturnType<typeof makeTempDir>;
  const dir = (name: string) => join(temp.path, name);
  const run = (out: string, extra: string[] = []) => runCli(['run', 'suites/capitals.yaml', '--mock', '--no-cache', '--out', dir(out), ...extra], { env: cliEnv() });

  beforeAll(async () => {
    temp = makeTempDir();
    const [withHtml, withoutHtml, pairwise] = await Promise.all([
      run('with'),
      run('without', ['--no-html']),
      runCli(['run', 'suites/custom-checks.yaml', '--mock', '--no-cache', '--no-html', '--out', dir('pairwise')], { env: cliEnv() }),
    ]);
    expect(pairwise.code).toBe(1); // the suite fails some cells against the mock on purpose
    expect(withHtml.code).toBe(1);
    expect(withHtml.stdout).toContain(`report: ${join(dir('with'), 'report.html')}`);
    expect(withoutHtml.code).toBe(1);
  }, 120_000);
  afterAll(() => temp.remove());

  it('writes report.html with the other reports, and not with --no-html', () => {
    expect(readFileSync(join(dir('with'), 'report.html'), 'utf8')).toMatch(/^<!doctype html>/);
    expect(existsSync(join(dir('without'), 'report.html'))).toBe(false);
    expect(existsSync(join(dir('without'), 'results.json'))).toBe(true);
  });

  it('rewrites the page of a finished run, with a baseline, to the file -o names', async () => {
    const result = await runCli(['report', dir('without'), '--baseline', dir('with'), '-o', dir('review.html')], { env: cliEnv() });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^report: .*review\.html\n$/);
    const html = readFileSync(dir('review.html'), 'utf8');
    expect(html).toMatch(/<script type="application\/json" id="ote-baseline">\{"source":/);
    expect(existsSync(join(dir('without'), 'report.html'))).toBe(false);
  });

  it('writes the comparison page with compare --html and keeps stdout for the comparison', async () => {
    const result = await runCli(['compare', dir('with'), dir('without'), '--format', 'json', '--html', dir('compare.html')], { env: cliEnv() });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ verdict: 'no-change' });
    expect(result.stderr).toMatch(/^report: .*compare\.html\n$/);
    expect(readFileSync(dir('compare.html'), 'utf8')).toContain('id="ote-baseline">{"source":');
  });

  it('adds the baseline view to the page of run --baseline', async () => {
    const result = await run('against', ['--baseline', dir('with'), '--quiet']);
    // With --baseline the exit code is the gate's: no regression against itself, so 0 despite failed cells.
    expect(result.code).toBe(0);
    expect(readFileSync(join(dir('against'), 'report.html'), 'utf8')).toContain('id="ote-baseline">{"source":');
  });

  it('refuses to rewrite the page of a run directory another process holds, with exit 2 naming the holder', async () => {
    const runDir = dir('locked');
    cpSync(dir('with'), runDir, { recursive: true });
    const page = join(runDir, 'report.html');
    const before = statSync(page).mtimeMs;
    // This test process is alive, so its lock is not stale.
    writeFileSync(join(runDir, 'run.lock'), `${JSON.stringify({ pid: process.pid, host: hostname() })}\n`);
    const result = await runCli(['report', runDir], { env: cliEnv() });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`onetoken-eval: ${runDir} is in use by process ${process.pid} (lock ${join(runDir, 'run.lock')}): wait for it to finish, or delete the lock file if that process is gone\n`);
    expect(statSync(page).mtimeMs).toBe(before);
    expect(existsSync(join(runDir, 'run.lock'))).toBe(true);
  });

  it('takes the run directory\'s lock while it writes and releases it after', async () => {
    const runDir = dir('unlocked');
    cpSync(dir('with'), runDir, { recursive: true });
    writeFileSync(join(runDir, 'run.lock'), `${JSON.stringify({ pid: 2 ** 30, host: hostname() })}\n`);
    const result = await runCli(['report', runDir], { env: cliEnv() });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^onetoken-eval: warning: .*run\.lock: took over a stale lock of process 1073741824/);
    expect(existsSync(join(runDir, 'run.lock'))).toBe(false);
  });

  it('rewrites the pairwise matrix and each row\'s verdicts of a run that judged pairs from its results.json', async () => {
    const result = await runCli(['report', dir('pairwise')], { env: cliEnv() });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const html = readFileSync(join(dir('pairwise'), 'report.html'), 'utf8');
    const results = JSON.parse(readFileSync(join(dir('pairwise'), 'results.json'), 'utf8')) as { summary: { pairwise: unknown }; judgments: { case: string; modelA: string; modelB: string; winner: string }[] };
    const summary = JSON.parse(/<script type="application\/json" id="ote-summary">([\s\S]*?)<\/script>/.exec(html)![1]!) as { pairwise: unknown };
    expect(summary.pairwise).toEqual(results.summary.pairwise);
    const judgments = [...html.matchAll(/<script type="application\/json" class="ote-judgments">([\s\S]*?)<\/script>/g)].flatMap((match) => JSON.parse(match[1]!) as unknown[]);
    expect(judgments).toEqual(results.judgments.map(({ case: name, modelA, modelB, winner }) => expect.objectContaining({ case: name, modelA, modelB, winner })));
    expect(judgments).toHaveLength(3);
  });

  it('exits 2 with one line naming file:line for a judgment line of results.json that is not one', async () => {
    const file = join(temp.path, 'bad-judgment.json');
    const lines = readFileSync(join(dir('pairwise'), 'results.json'), 'utf8').split('\n');
    const at = lines.indexOf('"judgments": [') + 1;
    lines[at] = '{"prompt": 1},';
    writeFileSync(file, lines.join('\n'));
    const result = await runCli(['report', file, '-o', join(temp.path, 'bad.html')], { env: cliEnv() });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(`${file}:${at + 1}: not a pairwise judgment`);
  });

  it('exits 2 with one line for a directory that holds no run', async () => {
    const result = await runCli(['report', dir('missing')], { env: cliEnv() });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});
