import { describe, expect, it } from 'vitest';
import { compareRunRecords, renderCompareJson } from '../../src/compare/index.js';
import { casesOf, makeMeta, range, slim } from './records.js';

const meta = makeMeta();
const base = slim(casesOf(40, []));
const head = slim(casesOf(40, range(0, 12)));

describe('renderCompareJson', () => {
  it('parses back to a versioned report with the verdict and the flips', () => {
    const json = JSON.parse(renderCompareJson(compareRunRecords({ meta, cells: base }, { meta, cells: head })));
    expect(Object.keys(json)).toEqual([
      'version', 'verdict', 'base', 'head', 'options', 'coverage', 'drift', 'notes', 'overall', 'models', 'flips', 'errored', 'onlyInBase', 'onlyInHead',
    ]);
    expect(json.version).toBe(2);
    expect(json.base.endpoint).toEqual({ kind: 'real', baseUrl: 'https://onetoken.one/v1' });
    expect(json.coverage).toEqual({ matched: 40, baseCells: 40, minCoverage: 0.9, isPartial: false, fraction: 1 });
    expect(json.verdict).toBe('regression');
    expect(json.flips).toHaveLength(12);
    expect(json.overall.test).toEqual({ name: 'mcnemar', worse: 12, better: 0, ties: 28, pValue: 0.000488, pAdjusted: 0.000488 });
    expect(json.overall.passRate.interval).toEqual({ low: expect.any(Number), high: expect.any(Number) });
  });

  it('gives byte-identical output whatever order the cells arrive in', () => {
    const forward = renderCompareJson(compareRunRecords({ meta, cells: base }, { meta, cells: head }));
    const shuffled = renderCompareJson(
      compareRunRecords({ meta, cells: [...base].reverse() }, { meta, cells: [...head.slice(20), ...head.slice(0, 20)] }),
    );
    expect(shuffled).toBe(forward);
  });

  it('writes keys in the documented order even for a report built elsewhere', () => {
    const report = compareRunRecords({ meta, cells: base }, { meta, cells: base });
    const reordered = { ...report, overall: { ...report.overall }, version: report.version };
    expect(renderCompareJson(reordered)).toBe(renderCompareJson(report));
  });
});
