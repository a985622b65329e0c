import { describe, expect, it } from 'vitest';
import { compareRunRecords } from '../../src/compare/index.js';
import { exitCodeOf } from '../../src/cli/exit-code.js';
import type { CompareCell } from '../../src/compare/index.js';
import { OnetokenEvalError } from '../../src/errors.js';
import { casesOf, makeErrored, makeMeta, makeRecord, range, slim } from './records.js';

const meta = makeMeta();

function compare(base: CompareCell[], head: CompareCell[], options = {}) {
  return compareRunRecords({ meta, cells: base }, { meta, cells: head }, options);
}

describe('compareRunRecords verdicts', () => {
  it.each([
    { name: 'twelve new failures out of forty is a clear regression', base: [], head: range(0, 12), cases: 40, maxDrop: 0, verdict: 'regression', p: 2 ** -11 },
    { name: 'twelve fixed cases out of forty is a clear improvement', base: range(0, 12), head: [], cases: 40, maxDrop: 0, verdict: 'improvement', p: 2 ** -11 },
    { name: 'three losses against two gains is noise', base: [3, 4], head: [0, 1, 2], cases: 40, maxDrop: 0, verdict: 'no-change', p: 1 },
    { name: 'eight new failures out of a hundred regress without tolerance', base: [], head: range(0, 8), cases: 100, maxDrop: 0, verdict: 'regression', p: 2 ** -7 },
    { name: 'eight new failures out of a hundred pass a ten-point tolerance', base: [], head: range(0, 8), cases: 100, maxDrop: 0.1, verdict: 'no-change', p: 2 ** -7 },
    { name: 'eight new failures out of a hundred exceed a five-point tolerance', base: [], head: range(0, 8), cases: 100, maxDrop: 0.05, verdict: 'regression', p: 2 ** -7 },
  ])('decides that $name', ({ base, head, cases, maxDrop, verdict, p }) => {
    const report = compare(slim(casesOf(cases, base)), slim(casesOf(cases, head)), { maxDrop });
    expect(report.verdict).toBe(verdict);
    expect(report.overall.verdict).toBe(verdict);
    expect(report.models.map((group) => group.verdict)).toEqual([verdict]);
    expect(report.overall.test.name).toBe('mcnemar');
    expect(report.overall.test.pValue).toBeCloseTo(p, 12);
    expect(report.overall.passRate.method).toBe('newcombe-10');
    expect(exitCodeOf({ comparison: report })).toBe(verdict === 'regression' ? 1 : 0);
  });

  it('says a tolerated drop is within the tolerance', () => {
    const report = compare(slim(casesOf(100, [])), slim(casesOf(100, range(0, 8))), { maxDrop: 0.1 });
    expect(report.overall.reason).toBe('pass rate fell (-8.0 points, p = 0.0078) but within the tolerated 10.0 points');
  });

  it('counts pass rates, flips and the interval of the drop', () => {
    const report = compare(slim(casesOf(40, [39])), slim(casesOf(40, [...range(0, 12), 39])));
    const group = report.overall;
    expect(group.counts).toEqual({ bothPass: 27, passToFail: 12, failToPass: 0, bothFail: 1 });
    expect(group.passRate.base).toBeCloseTo(39 / 40, 12);
    expect(group.passRate.head).toBeCloseTo(27 / 40, 12);
    expect(group.passRate.delta).toBeCloseTo(-0.3, 12);
    expect(group.passRate.interval!.high).toBeLessThan(0);
    expect(group.passRate.interval!.low).toBeGreaterThan(-0.5);
    expect(group.score.delta).toBeCloseTo(-0.3, 12);
    expect(group.score.method).toBe('mover-wilson');
    expect(report.flips.map((flip) => flip.id)).toEqual(range(0, 12).map((i) => `ask/c${i}/gpt-4o#0`));
  });

  it('uses the sign test over per-case pass rates when cells have repeats', () => {
    const cells = (failing: (c: number, r: number) => boolean) =>
      slim(range(0, 10).flatMap((c) => range(0, 3).map((r) => ({ ...makeRecord({ case: `c${c}`, repeat: r, pass: !failing(c, r) }), index: c * 3 + r }))));
    // The head fails one repeat of cases 0..7: eight cases got worse, two are tied.
    const report = compare(cells(() => false), cells((c, r) => c < 8 && r === 0));
    expect(report.overall.test).toMatchObject({ name: 'sign', worse: 8, better: 0, ties: 2 });
    expect(report.overall.test.pValue).toBeCloseTo(2 ** -7, 12);
    expect(report.overall.passRate.method).toBe('mover-wilson');
    expect(report.verdict).toBe('regression');
  });

  it('adjusts per-model p-values with Holm and still flags the model that regressed', () => {
    const base = [...casesOf(40, [], { model: 'a' }), ...casesOf(40, [], { model: 'b' })];
    const head = [...casesOf(40, range(0, 12), { model: 'a' }), ...casesOf(40, [0], { model: 'b' })];
    const report = compare(slim(base), slim(head));
    const [a, b] = report.models;
    expect(a.model).toBe('a');
    expect(a.test.pAdjusted).toBeCloseTo(2 * 2 ** -11, 12);
    expect(a.verdict).toBe('regression');
    expect(b.verdict).toBe('no-change');
    expect(report.verdict).toBe('regression');
  });
});

describe('compareRunRecords bookkeeping', () => {
  it('lists cells present on one side only instead of dropping them', () => {
    const base = casesOf(5, []);
    const head = [...casesOf(4, []), { ...makeRecord({ case: 'new' }), index: 9 }];
    const report = compare(slim(base), slim(head), { allowPartial: true });
    expect(report.coverage).toEqual({ matched: 4, baseCells: 5, fraction: 0.8, minCoverage: 0.9, isPartial: true });
    expect(report.onlyInBase).toEqual([{ id: 'ask/c4/gpt-4o#0', index: 4, model: 'gpt-4o' }]);
    expect(report.onlyInHead).toEqual([{ id: 'ask/new/gpt-4o#0', index: 9, model: 'gpt-4o' }]);
    expect(report.overall.matched).toBe(4);
  });

  it('notes a changed suite and plan but still compares the matched cells', () => {
    const changed = makeMeta({ suite: { ...meta.suite, hash: 'suite-hash-2' }, planHash: 'plan-hash-2' });
    const report = compareRunRecords({ meta, cells: slim(casesOf(3, [])) }, { meta: changed, cells: slim(casesOf(3, [])) });
    expect(report.notes).toEqual([
      'suite hash differs: base suite-hash-1, head suite-hash-2 (the suite changed)',
      'plan hash differs: base plan-hash-1, head plan-hash-2; only matched cells are tested',
    ]);
    expect(report.overall.matched).toBe(3);
  });

  it('flags a changed system fingerprint as provider drift', () => {
    const base = casesOf(3, []);
    const head = casesOf(3, [], { systemFingerprint: 'fp_2' });
    const report = compare(slim(base), slim(head));
    expect(report.models[0].drift).toEqual({
      isChanged: true,
      fingerprints: { base: ['fp_1'], head: ['fp_2'] },
      servedModels: { base: ['gpt-4o-2024-08-06'], head: ['gpt-4o-2024-08-06'] },
    });
    expect(compare(slim(base), slim(base)).models[0].drift?.isChanged).toBe(false);
  });

  it('counts errored cells apart, leaves them out of the tests and lists them', () => {
    const base = casesOf(10, []);
    const head = casesOf(10, []);
    head[3] = { ...makeErrored({ case: 'c3' }), index: 3 };
    base[5] = { ...makeErrored({ case: 'c5' }), index: 5 };
    const report = compare(slim(base), slim(head));
    expect(report.overall.errored).toEqual({ base: 1, head: 1 });
    expect(report.overall.scored).toBe(8);
    expect(report.overall.matched).toBe(10);
    expect(report.overall.passRate.base).toBe(1);
    expect(report.flips).toEqual([]);
    expect(report.errored).toEqual([
      { id: 'ask/c3/gpt-4o#0', index: 3, model: 'gpt-4o', baseError: null, headError: 'OTE_API_RATE_LIMIT' },
      { id: 'ask/c5/gpt-4o#0', index: 5, model: 'gpt-4o', baseError: 'OTE_API_RATE_LIMIT', headError: null },
    ]);
  });

  it('describes each flip with both sides and a diff of the outputs', () => {
    const report = compare(slim(casesOf(3, [])), slim(casesOf(3, [1])));
    expect(report.flips).toEqual([
      {
        id: 'ask/c1/gpt-4o#0',
        index: 1,
        prompt: 'ask',
        case: 'c1',
        model: 'gpt-4o',
        repeat: 0,
        direction: 'pass-to-fail',
        base: { pass: true, failedReasons: [] },
        head: { pass: false, failedReasons: ["expected to contain 'Paris'"] },
        diff: 'The capital is [-Paris.-]{+Lyon.+}',
      },
    ]);
  });

  it('summarizes latency percentiles, tokens and cost per side', () => {
    const head = casesOf(20, []).map((record, i) => ({ ...record, latencyMs: (i + 1) * 10, cost: null }));
    const report = compare(slim(casesOf(20, [])), slim(head));
    expect(report.models[0].usage).toEqual({
      base: { p50LatencyMs: 100, p95LatencyMs: 100, totalTokens: 300, cost: expect.closeTo(0.02, 12) },
      head: { p50LatencyMs: 100, p95LatencyMs: 190, totalTokens: 300, cost: null },
    });
  });

  it('gives no verdict when nothing was scored on both sides', () => {
    const report = compare(slim([makeErrored()]), slim([makeRecord()]));
    expect(report.overall.verdict).toBe('no-change');
    expect(report.overall.reason).toBe('no cells were scored on both sides');
  });

  it.each([{ alpha: 0 }, { alpha: 1 }, { maxDrop: -0.1 }, { maxDrop: 2 }])('rejects the option %o', (options) => {
    expect(() => compare([], [], options)).toThrow(OnetokenEvalError);
  });
});

describe('model order', () => {
  it('lists models in the suite order of run.json, as every other report does, not alphabetically', () => {
    const meta = makeMeta({ models: ['zeta', 'alpha', 'mid'] });
    const cells = slim(['alpha', 'mid', 'zeta'].flatMap((model) => casesOf(2, [], { model })));
    const report = compareRunRecords({ meta, cells }, { meta, cells });
    expect(report.models.map((group) => group.model)).toEqual(['zeta', 'alpha', 'mid']);
  });
});

describe('numbers in the rendered comparison', () => {
  it('shows tiny costs with significant digits and "-" without pricing', async () => {
    const { renderCompareMarkdown } = await import('../../src/compare/index.js');
    const meta = makeMeta();
    const priced = slim(casesOf(2, [], { cost: 0.000024 }));
    expect(renderCompareMarkdown(compareRunRecords({ meta, cells: priced }, { meta, cells: priced }))).toContain('| $0.000048 → $0.000048 |');
    const unpriced = slim(casesOf(2, [], { cost: null }));
    expect(renderCompareMarkdown(compareRunRecords({ meta, cells: unpriced }, { meta, cells: unpriced }))).toContain('| - → - |');
  });
});
