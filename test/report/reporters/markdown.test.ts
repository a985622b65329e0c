import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { CellRecord, RunMeta } from '../../../src/run/index.js';
import { writeReports } from '../../../src/report/index.js';
import type { ReportOptions } from '../../../src/report/index.js';
import { indexed, makeAssertion, makeCell, makeErroredCell, makeMeta, makeTempDir, stream } from '../records.js';

let dir: string;
let remove: () => Promise<void>;
beforeEach(async () => ({ dir, remove } = await makeTempDir()));
afterEach(() => remove());

async function writeMarkdown(cells: CellRecord[], options: ReportOptions = {}, meta: RunMeta = makeMeta({ cells: cells.length })): Promise<string> {
  await writeReports(dir, meta, stream(indexed(cells)), { ...options, formats: ['markdown'] });
  return readFile(join(dir, 'summary.md'), 'utf8');
}

const failing = (count: number): CellRecord[] =>
  Array.from({ length: count }, (_, position) => makeCell({ case: `case-${position}`, pass: false }));

describe('summary.md', () => {
  test('opens with the suite name and the totals', async () => {
    const text = await writeMarkdown([makeCell(), makeCell({ model: 'big', pass: false }), makeErroredCell({ case: 'spain' })]);
    expect(text.split('\n')[0]).toBe('# capitals: eval results');
    expect(text).toContain('**1 of 2 scored cells passed (50.0%)** · 1 failed · 1 errored · 3 cells · 2 models');
  });

  test('says what was spent, grading beside answers, under the totals', async () => {
    const call = { model: 'judge', requestHash: 'g', usage: null, latencyMs: 1, error: null };
    const text = await writeMarkdown([
      makeCell({ cost: 0.001, graderCalls: [{ ...call, cached: false, cost: 0.0002 }] }),
      makeCell({ case: 'spain', cached: true, cost: 0.001, graderCalls: [{ ...call, cached: true, cost: 0.0002 }] }),
    ]);
    expect(text).toContain('\n\nSpent $0.0012: answers $0.0010 (1 cached answer free), grading $0.00020 (1 cached grader call free)\n\n');
  });

  test('has no spend line without pricing', async () => {
    expect(await writeMarkdown([makeCell({ cost: null })])).not.toContain('Spent');
  });

  test('has one table row per model with the pass rate, its interval, errors, latency, tokens and cost', async () => {
    const text = await writeMarkdown([makeCell(), makeCell({ model: 'big', pass: false, latencyMs: 300 })]);
    expect(text).toContain('| Model | Pass rate | 95% CI | Mean score | 95% CI | Errors | p50 ms | p95 ms | Tokens | Cost |');
    expect(text).toContain('| mini (`mini-id`) | 1/1 · 100.0% | 20.7–100.0% | 1.000 | 0.207–1.000 | 0 | 100 | 100 | 15 | $0.0010 |');
    expect(text).toContain('| big (`big-id`) | 0/1 · 0.0% | 0.0–79.3% | 0.000 | 0.000–0.793 | 0 | 300 | 300 | 15 | $0.0010 |');
  });

  test('lists per-metric means only when assertions name metrics', async () => {
    const withMetrics = [
      makeCell({ assertions: [makeAssertion(true, { metric: 'accuracy' }), makeAssertion(false, { metric: 'style', score: 0.5 })] }),
      makeCell({ model: 'big', assertions: [makeAssertion(false, { metric: 'accuracy' })], pass: false }),
    ];
    const text = await writeMarkdown(withMetrics);
    expect(text).toContain('## Metrics (mean score)');
    expect(text).toContain('| accuracy | 0.500 | 1.000 | 0.000 |');
    expect(text).toContain('| style | 0.500 | 0.500 | - |');
    expect(await writeMarkdown([makeCell()])).not.toContain('## Metrics');
  });

  test('shows the failing cells with their reasons and a preview of the output', async () => {
    const text = await writeMarkdown([
      makeCell(),
      makeCell({ model: 'big', pass: false, output: 'The capital is Lyon' }),
      makeErroredCell({ case: 'spain' }),
    ]);
    expect(text).toContain('## Failing cells (2)');
    expect(text).toContain('### 1. `capital/france/big#0`');
    expect(text).toContain('- `contains`: expected to contain "Paris", got "Lyon"');
    expect(text).toContain('```text\nThe capital is Lyon\n```');
    expect(text).toContain('### 2. `capital/spain/mini#0`');
    expect(text).toContain('- error `OTE_API_SERVER`: 500 upstream exploded');
  });

  test.each([
    { max: 20, cells: 3, heading: '## Failing cells (3)', entries: 3 },
    { max: 2, cells: 5, heading: '## Failing cells (2 of 5 shown)', entries: 2 },
    { max: 0, cells: 5, heading: '## Failing cells (0 of 5 shown)', entries: 0 },
  ])('shows at most $max of $cells failing cells', async ({ max, cells, heading, entries }) => {
    const text = await writeMarkdown(failing(cells), { maxFailuresShown: max });
    expect(text).toContain(heading);
    expect(text.match(/^### /gm) ?? []).toHaveLength(entries);
  });

  test('folds the failing repeats of a case into one entry with k/n and the distinct reasons', async () => {
    const lyon = makeAssertion(false, { reason: 'expected to contain "Paris", got "Lyon"' });
    const nice = makeAssertion(false, { reason: 'expected to contain "Paris", got "Nice"' });
    const cells = [
      ...[0, 1, 2].map((repeat) => makeCell({ case: 'france', repeat, pass: false, assertions: [repeat === 1 ? nice : lyon] })),
      ...[0, 1, 2].map((repeat) => makeCell({ case: 'spain', repeat, pass: repeat !== 1 })),
      ...[0, 1, 2].map((repeat) => makeCell({ case: 'italy', repeat })),
    ];
    const text = await writeMarkdown(cells);
    expect(text).toContain('## Failing cells (2; 4 cells in 2 cases)');
    expect(text).toContain('### 1. `capital/france/mini`\n\nmodel mini (`mini-id`) · 3/3 repeats failed · score 0.000');
    expect(text).toContain('- `contains`: expected to contain "Paris", got "Lyon"\n- `contains`: expected to contain "Paris", got "Nice"');
    expect(text).toContain('### 2. `capital/spain/mini`\n\nmodel mini (`mini-id`) · 1/3 repeats failed');
    expect(text.match(/^### /gm) ?? []).toHaveLength(2);
  });

  test('says so when nothing failed', async () => {
    expect(await writeMarkdown([makeCell()])).toContain('## Failing cells\n\nNone: every scored cell passed and no cell errored.');
  });

  test('cuts long outputs to the preview length', async () => {
    const text = await writeMarkdown([makeCell({ pass: false, output: `${'x'.repeat(50)}TAIL` })], { outputPreviewChars: 10 });
    expect(text).toContain('```text\nxxxxxxxxxx…\n```');
    expect(text).not.toContain('TAIL');
  });

  test('keeps hostile text from breaking tables or fences', async () => {
    const output = 'closing ``` fence\n| pipe |';
    const text = await writeMarkdown([makeCell({ model: 'mini', pass: false, output })], {}, makeMeta({ suite: { name: 'a|b <script>', path: 's.yaml', hash: 'h' }, cells: 1 }));
    expect(text.split('\n')[0]).toBe('# a\\|b \\<script\\>: eval results');
    expect(text).toContain('````text\nclosing ``` fence\n| pipe |\n````');
  });

  test('adds a repeats table when the run has repeats', async () => {
    const text = await writeMarkdown([makeCell(), makeCell({ repeat: 1, pass: false })], {}, makeMeta({ models: ['mini'] }));
    expect(text).toContain('| Model | Groups | pass@k | pass^k |');
    expect(text).toContain('| mini | 1 | 100.0% | 0.0% |');
  });

  test('names the last shard as given (3/3, not 4/3) and the endpoint in the header', async () => {
    const text = await writeMarkdown([makeCell()], {}, makeMeta({ shard: { index: 3, count: 3 }, cells: 1, baseUrl: 'mock' }));
    expect(text).toContain(' · shard 3/3');
    expect(text).not.toContain('4/3');
    expect(text).toContain(' · endpoint mock (built-in mock server) · ');
  });

  test('says an unfinished run is incomplete in the title and how many cells have no record', async () => {
    const text = await writeMarkdown([makeCell()], {}, makeMeta({ cells: 450 }));
    expect(text.split('\n')[0]).toBe('# capitals: eval results (incomplete)');
    expect(text).toContain('> **⚠️ Incomplete run:** 449 of 450 cells have no record');
  });
});
