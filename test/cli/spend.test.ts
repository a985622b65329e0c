/**
 * Spend on the terminal (issue 11, item 6): the summary shows grading beside answers, and the progress line ends on
 * the total the summary shows, for a fresh run, a cached rerun and a resumed run. `suites/model-compare.yaml` has
 * pricing and llm-rubric assertions, so both halves are priced; the built-in mock answers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliEnv, makeTempDir, runCli, type CliResult } from '../helpers/cli.js';

const temp = makeTempDir('ote-spend-');
afterAll(() => temp.remove());
const env = cliEnv({ ONETOKEN_EVAL_CACHE_DIR: join(temp.path, 'cache') });
const SUITE = join('suites', 'model-compare.yaml');

/** The cost at the end of the last progress line, and the summary's spend line. */
function spendOf(result: CliResult): { progress: string; summary: string } {
  const progress = result.stderr.split('\n').filter((line) => line.startsWith('progress: ')).at(-1) ?? '';
  const summary = result.stdout.split('\n').find((line) => line.startsWith('spent ')) ?? '';
  return { progress: /\| spent (\S+)$/.exec(progress)?.[1] ?? `no progress spend in ${JSON.stringify(result.stderr)}`, summary };
}

describe('what a run spent', { timeout: 60_000 }, () => {
  it('shows grading beside answers, and the last progress line ends on the summary\'s total', async () => {
    const out = join(temp.path, 'fresh');
    const result = await runCli(['run', SUITE, '--mock', '--out', out], { env });
    expect(result.code).toBe(1);
    const { progress, summary } = spendOf(result);
    expect(summary).toMatch(/^spent \$0\.\d+: answers \$0\.\d+, grading \$0\.\d+$/);
    expect(summary.startsWith(`spent ${progress}:`)).toBe(true);
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as { summary: { spend: { answers: number; graders: number; total: number } } };
    expect(results.summary.spend.graders).toBeGreaterThan(0);
    expect(results.summary.spend.total).toBeCloseTo(results.summary.spend.answers + results.summary.spend.graders, 10);
    expect(readFileSync(join(out, 'summary.md'), 'utf8')).toContain(`\n\nS${summary.slice(1)}\n\n`);
  });

  it('says a cached rerun spent nothing, in the progress line and the summary alike', async () => {
    const result = await runCli(['run', SUITE, '--mock', '--out', join(temp.path, 'cached')], { env });
    const { progress, summary } = spendOf(result);
    expect(progress).toBe('$0');
    expect(summary).toBe('spent $0: answers $0 (9 cached answers free), grading $0 (6 cached grader calls free)');
  });

  it('ends a resumed run\'s progress on the whole run directory\'s spend, as its summary counts it', async () => {
    const out = join(temp.path, 'resumed');
    const noCache = ['--no-cache', '--concurrency', '1'];
    const first = await runCli(['run', SUITE, '--mock', '--out', out, ...noCache, '--max-cost', '0.0005'], { env });
    expect(first.code).toBe(3);
    const resumed = await runCli(['run', SUITE, '--mock', '--resume', out, ...noCache], { env });
    expect(resumed.code).toBe(1);
    expect(resumed.stderr).toMatch(/progress: 9\/9 cells \| [1-8] requests/);
    const { progress, summary } = spendOf(resumed);
    expect(summary.startsWith(`spent ${progress}:`)).toBe(true);
  });
});
