import { describe, expect, test } from 'vitest';
import { renderSummaryTable, SummaryBuilder } from '../../../src/report/index.js';
import type { RunSummary } from '../../../src/report/index.js';
import type { CellRecord } from '../../../src/run/index.js';
import { indexed, makeCell, makeErroredCell, makeMeta } from '../records.js';

function summarize(cells: CellRecord[], models: string[]): RunSummary {
  const builder = new SummaryBuilder(makeMeta({ models }));
  for (const cell of indexed(cells)) builder.add(cell);
  return builder.finish().summary;
}

const twoModels = summarize(
  [makeCell({ model: 'gpt-4o-mini' }), makeCell({ model: 'big', pass: false, latencyMs: 1500 }), makeErroredCell({ case: 'spain', model: 'big' })],
  ['gpt-4o-mini', 'big'],
);

describe('renderSummaryTable', () => {
  test('aligns one row per model and a total row', () => {
    expect(renderSummaryTable(twoModels)).toBe(
      [
        'model        passed    rate  score  errors  p50 ms  p95 ms  tokens     cost',
        'gpt-4o-mini     1/1  100.0%  1.000       0     100     100      15  $0.0010',
        'big             0/1    0.0%  0.000       1    1500    1500      15  $0.0010',
        'total           1/2   50.0%  0.500       1                      30  $0.0020',
        '',
      ].join('\n'),
    );
  });

  test('writes passed, scored and error counts with thousands separators, as every report does', () => {
    const big = { ...twoModels, models: [{ ...twoModels.models[0]!, passed: 1200, failed: 34, errored: 1500 }], passed: 1200, failed: 34, errored: 1500 };
    const row = renderSummaryTable(big).split('\n')[1]!;
    expect(row).toMatch(/^gpt-4o-mini\s+1,200\/1,234\s+\S+\s+\S+\s+1,500\s/);
  });

  test('leaves out the total row for a single model', () => {
    const table = renderSummaryTable(summarize([makeCell()], ['mini']));
    expect(table.trimEnd().split('\n')).toHaveLength(2);
  });

  test('has no escape codes unless colour is asked for', () => {
    expect(renderSummaryTable(twoModels)).not.toContain('\u001b[');
    const colored = renderSummaryTable(twoModels, { color: true });
    expect(colored).toContain('\u001b[32m100.0%\u001b[0m');
    expect(colored).toContain('\u001b[31m  0.0%\u001b[0m');
    expect(colored.replace(/\u001b\[\d+m/g, '')).toBe(renderSummaryTable(twoModels));
  });

  test('shows dashes for a model whose cells all errored', () => {
    const table = renderSummaryTable(summarize([makeErroredCell()], ['mini']));
    expect(table.split('\n')[1]).toBe('mini      0/0     -      -       1       -       -       0     -');
  });
});
