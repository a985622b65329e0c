/**
 * The README's shell examples run as written (issue 16): every `onetoken-eval` line of its `sh` blocks, in README
 * order, by `sh` in a directory holding a copy of `suites/`, with `ONETOKEN_BASE_URL` pointing at our mock server
 * (the README's `export ONETOKEN_API_KEY=sk-...` stands for any key). `npx onetoken-eval` runs the built binary,
 * as npx does inside this package. Lines that need a CI job's artifacts (`merged/` from a sharded workflow) are
 * listed in SKIPPED with the reason, so a new example cannot be left out silently.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../src/mock/index.js';
import { cliEnv, makeTempDir, prepareExampleDir, ROOT } from './helpers/cli.js';

/**
 * Exit codes against the mock: the bundled suites fail a few cells on purpose (1); with a baseline the exit code is
 * the gate's, and the baseline (the same deterministic answers) explains every failure (0).
 */
const EXPECTED: Record<string, number> = {
  'onetoken-eval validate suites/*.yaml': 0,
  'onetoken-eval plan suites/capitals.yaml': 0,
  'onetoken-eval run suites/capitals.yaml --concurrency 16': 1,
  'onetoken-eval run suites/capitals.yaml': 1,
  'onetoken-eval report results/capitals/latest': 0,
  'onetoken-eval report results/capitals/latest --baseline results/baselines/capitals.json -o review.html': 0,
  'onetoken-eval compare results/baselines/capitals.json results/capitals/latest --html compare.html': 0,
  'onetoken-eval run suites/capitals.yaml --baseline results/baselines/capitals.json --junit junit.xml': 0,
  'onetoken-eval run suites/capitals.yaml --out results/capitals/pr': 1,
  'onetoken-eval compare results/baselines/capitals.json results/capitals/pr --format md >> "$GITHUB_STEP_SUMMARY"': 0,
  'onetoken-eval run suites/capitals.yaml --out results/capitals/main': 1,
};

/** Examples that need what only a CI workflow produces. */
const SKIPPED: Record<string, string> = {
  'onetoken-eval compare results/baselines/capitals.json merged --format md > compare.md': 'merged/ is the merge job output of the sharded workflow',
};

/** The `onetoken-eval` command lines of the README's sh blocks, comments cut, `npx ` dropped. */
function readmeExamples(): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/^```(?:sh|bash|shell)\n([\s\S]*?)^```/gm)].map((match) => match[1]!);
  return blocks
    .flatMap((block) => block.split('\n'))
    .map((line) => line.replace(/\s+#.*$/, '').trim().replace(/^npx /, ''))
    .filter((line) => line.startsWith('onetoken-eval '));
}

describe('the README examples', { timeout: 300_000 }, () => {
  let mock: MockServer;
  const work = makeTempDir('ote-readme-');
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    mock = await startMockServer({ port: 0, keepRequestLog: false });
    const path = prepareExampleDir(work.path);
    env = cliEnv({
      PATH: path,
      ONETOKEN_API_KEY: 'sk-readme',
      ONETOKEN_BASE_URL: mock.url,
      ONETOKEN_EVAL_CACHE_DIR: join(work.path, 'cache'),
      GITHUB_STEP_SUMMARY: join(work.path, 'step-summary.md'),
    });
  });

  afterAll(async () => {
    await mock.close();
    work.remove();
  });

  it('runs every onetoken-eval line in README order with its expected exit code', async () => {
    const examples = readmeExamples();
    expect(examples.length).toBeGreaterThan(5);
    const results: { example: string; code: number | string | null; stderr: string }[] = [];
    for (const example of examples) {
      if (SKIPPED[example]) continue;
      const baseline = join(work.path, 'results', 'baselines', 'capitals.json');
      if (example.includes('results/baselines/capitals.json') && !existsSync(baseline)) {
        // The README makes its baseline from a main-branch run (the "Baselines" steps); here from the first run.
        mkdirSync(join(work.path, 'results', 'baselines'), { recursive: true });
        copyFileSync(join(work.path, 'results', 'capitals', 'latest', 'results.json'), baseline);
      }
      const child = spawn('sh', ['-c', example], { cwd: work.path, env, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      const code = await new Promise<number | null>((resolve) => child.on('close', (exit) => resolve(exit)));
      results.push({ example, code, stderr: code === EXPECTED[example] ? '' : stderr.split('\n').filter((line) => line.startsWith('onetoken-eval')).join(' | ') });
    }
    expect(results).toEqual(results.map(({ example }) => ({ example, code: EXPECTED[example] ?? 'no expected exit code: add one to EXPECTED', stderr: '' })));
  });
});
