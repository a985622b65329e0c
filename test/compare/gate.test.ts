import { describe, expect, it } from 'vitest';
import { compareRunRecords, renderCompareMarkdown, renderCompareText } from '../../src/compare/index.js';
import { CompareRefusedError } from '../../src/errors.js';
import { casesOf, makeMeta, makeRecord, slim } from './records.js';

const meta = makeMeta();

/** The refusal of a comparison, or null when it was judged. */
function refusal(run: () => unknown): CompareRefusedError | null {
  try {
    run();
    return null;
  } catch (error) {
    if (error instanceof CompareRefusedError) return error;
    throw error;
  }
}

describe('the compare gate refuses what it cannot judge', () => {
  it('refuses two runs with no cell in common', () => {
    const base = slim(casesOf(5, []));
    const head = slim(casesOf(5, [], { model: 'gpt-4o-mini' }));
    const error = refusal(() => compareRunRecords({ meta, cells: base }, { meta, cells: head }));
    expect(error?.code).toBe('OTE_COMPARE_REFUSED');
    expect(error?.exitCode).toBe(2);
    expect(error?.message).toBe('no cell of the head matches a cell of the base (5 base cells): the runs have no prompt/case/model in common, so there is nothing to judge');
  });

  it('refuses runs of different suites even when ids happen to match', () => {
    const other = makeMeta({ suite: { name: 'extract-contacts', path: 'suites/extract-contacts.yaml', hash: 'h' } });
    const cells = slim(casesOf(3, []));
    expect(refusal(() => compareRunRecords({ meta, cells }, { meta: other, cells }))?.message).toBe(
      'the runs are of different suites (base "capitals", head "extract-contacts"): compare runs of the same suite',
    );
  });

  it('refuses a head that covers less than the minimum coverage, naming the option that accepts it', () => {
    const base = slim(casesOf(10, []));
    const head = slim(casesOf(8, []));
    expect(refusal(() => compareRunRecords({ meta, cells: base }, { meta, cells: head }))?.template).toBe(
      "the head covers 8 of the base's 10 cells (80.0%), below \u0001minCoverage\u0002 90.0%: run the missing cells, or add \u0001allowPartial\u0002 to compare what there is",
    );
    expect(refusal(() => compareRunRecords({ meta, cells: base }, { meta, cells: head }, { minCoverage: 0.8 }))).toBeNull();
  });

  it('compares a partial head on purpose and says how much was compared', () => {
    const report = compareRunRecords({ meta, cells: slim(casesOf(10, [])) }, { meta, cells: slim(casesOf(6, [])) }, { allowPartial: true });
    expect(report.coverage).toMatchObject({ matched: 6, baseCells: 10, isPartial: true });
    expect(renderCompareText(report)).toContain('coverage: compared 6 of 10 base cells (60.0%)');
  });

  it('writes the coverage counts in the reports\' one number format (thousands separated)', () => {
    const report = compareRunRecords({ meta, cells: slim(casesOf(1500, [])) }, { meta, cells: slim(casesOf(1200, [])) }, { allowPartial: true });
    expect(renderCompareText(report)).toContain('coverage: compared 1,200 of 1,500 base cells (80.0%)');
  });

  it('refuses a mock run against a real one unless the endpoint change is allowed', () => {
    const mock = makeMeta({ baseUrl: 'mock' });
    const cells = slim(casesOf(3, []));
    expect(refusal(() => compareRunRecords({ meta: mock, cells }, { meta, cells }))?.template).toBe(
      'the base ran against the mock endpoint and the head against the real one (mock vs https://onetoken.one/v1): rerun one of them, or add \u0001allowEndpointChange\u0002 to compare anyway',
    );
    const report = compareRunRecords({ meta: mock, cells }, { meta, cells }, { allowEndpointChange: true });
    expect(report.base.endpoint).toEqual({ kind: 'mock', baseUrl: 'mock' });
    expect(renderCompareText(report)).toContain('endpoint: base mock (built-in mock server), head real (https://onetoken.one/v1)');
  });

  it('shows a changed base URL and a changed served snapshot as drift at the top', () => {
    const other = makeMeta({ baseUrl: 'https://eu.onetoken.one/v1' });
    const base = slim(casesOf(3, [], { servedModel: 'gpt-4o-2024-08-06' }));
    const head = slim(casesOf(3, [], { servedModel: 'gpt-4o-2024-11-20' }));
    const report = compareRunRecords({ meta, cells: base }, { meta: other, cells: head });
    expect(report.drift).toEqual([
      'endpoint changed: base https://onetoken.one/v1, head https://eu.onetoken.one/v1',
      'gpt-4o: served model gpt-4o-2024-08-06 -> gpt-4o-2024-11-20',
    ]);
    expect(renderCompareText(report).split('\n').slice(1, 3)).toEqual(report.drift.map((line) => `drift: ${line}`));
    expect(renderCompareMarkdown(report)).toContain('> **⚠️ Drift:** gpt-4o: served model gpt-4o-2024-08-06 -> gpt-4o-2024-11-20');
  });

  it('refuses an unfinished head or base and gives the resume command', () => {
    const unfinished = makeMeta({ cells: 450 });
    const cells = slim(Array.from({ length: 80 }, (_, i) => ({ ...makeRecord({ case: `c${i}` }), index: i })));
    const head = refusal(() => compareRunRecords({ meta, cells }, { meta: unfinished, cells, path: 'results/capitals/pr' }));
    expect(head?.message).toBe('the head run is unfinished: 80 of 450 cells have a record; finish it with `onetoken-eval run suites/capitals.yaml --resume results/capitals/pr` and compare again');
    const base = refusal(() => compareRunRecords({ meta: unfinished, cells, path: 'base/results.json' }, { meta, cells }));
    expect(base?.message).toMatch(/^the base run is unfinished: 80 of 450 cells .* --resume base` and compare again$/);
  });
});
