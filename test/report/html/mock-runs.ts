/**
 * Runs of test/fixtures/suites/valid-html-report.yaml against our mock, made for the page tests: a plain base run; a
 * head run whose answers are hostile markup (and a `javascript:` citation), a few changed capitals (flips), one
 * long answer (cut in the page) and three errored cells (France, the first three requests at concurrency 1);
 * and a run with three repeats per cell against the built-in mock.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startMockServer, type MockFixture, type MockServer } from '../../../src/mock/index.js';
import type { CellRecord } from '../../../src/run/index.js';
import { cliEnv, runCli } from '../../helpers/cli.js';

/** Answers that would run script if the page ever parsed an output as markup. */
export const HOSTILE_OUTPUTS = {
  Japan: '<img src=x onerror=alert(1)>',
  Canada: '</script><script>alert(2)</script>',
  Brazil: '<a href="javascript:alert(3)">Brasília</a> [Brasília](javascript:alert(4))',
} as const;

/** The suite the runs are made from. */
export const SUITE = 'test/fixtures/suites/valid-html-report.yaml';

/** Characters of the long answer, above the page's 4,000. */
export const LONG_ANSWER_CHARS = 5000;

const HEAD_FIXTURES: MockFixture[] = [
  { match: 'capital of Canada\\b', model: 'gpt-4o-mini-search-preview', answer: 'Ottawa', citations: [{ url: 'javascript:alert(5)', title: '<img src=x onerror=alert(6)>' }] },
  ...Object.entries(HOSTILE_OUTPUTS).map(([country, answer]) => ({ match: `capital of ${country}\\b`, answer })),
  { match: 'capital of Egypt\\b', answer: `Cairo ${'and more '.repeat(LONG_ANSWER_CHARS / 9)}`.slice(0, LONG_ANSWER_CHARS) },
  { match: 'capital of Turkey\\b', answer: 'Ankara' },
  { match: 'capital of Australia\\b', answer: 'Canberra' },
];

/** A finished run's results.json, parsed. */
export interface Results {
  summary: { cells: number; passed: number; failed: number; errored: number; models: { model: string; passed: number; failed: number; errored: number; passRate: number | null }[] };
  cells: CellRecord[];
}

/** Reads a run directory's results.json. */
export function readResults(runDir: string): Results {
  return JSON.parse(readFileSync(join(runDir, 'results.json'), 'utf8')) as Results;
}

/** Makes the runs under `root`: `base`, `head` (with head/compare.html against base) and `repeats`. */
export async function makeMockRuns(root: string): Promise<void> {
  const servers: MockServer[] = [];
  const start = async (options: Parameters<typeof startMockServer>[0]) => {
    const server = await startMockServer(options);
    servers.push(server);
    return server;
  };
  try {
    const good = await start({ port: 0 });
    const hostile = await start({ port: 0, fixtures: HEAD_FIXTURES, script: [{ kind: 'status', status: 500 }, { kind: 'status', status: 500 }, { kind: 'status', status: 500 }] });
    // `null` runs against the built-in mock (--mock), whose page carries the mock badge.
    const run = async (server: MockServer | null, out: string, extra: string[] = []) => {
      const env = server ? cliEnv({ ONETOKEN_API_KEY: 'sk-test', ONETOKEN_BASE_URL: server.url }) : cliEnv();
      // The fixture reuses suites/data/capitals.csv, outside its own directory.
      const result = await runCli(['run', SUITE, '--out', join(root, out), '--no-cache', '--quiet', '--allow-outside-paths', ...extra], { env });
      if (result.code !== 0 && result.code !== 1 && result.code !== 3) throw new Error(`run ${out} exited ${result.code}: ${result.stderr}`);
    };
    await run(good, 'base');
    await run(hostile, 'head', ['--max-attempts', '1', '--concurrency', '1']);
    await run(null, 'repeats', ['--mock', '--repeat', '3']);
  } finally {
    await Promise.all(servers.map((server) => server.close()));
  }
  const report = await runCli(['report', join(root, 'head'), '--baseline', join(root, 'base'), '-o', join(root, 'head', 'compare.html')], { env: cliEnv() });
  if (report.code !== 0) throw new Error(`report exited ${report.code}: ${report.stderr}`);
}
