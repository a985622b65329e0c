import { describe, expect, it } from 'vitest';
import { compareRunRecords, renderCompareMarkdown } from '../../src/compare/index.js';
import { casesOf, makeErrored, makeMeta, makeRecord, range, slim } from './records.js';

const meta = makeMeta();

describe('renderCompareMarkdown', () => {
  it('starts with the verdict and lists the flips with reasons and diffs', () => {
    const report = compareRunRecords({ meta, cells: slim(casesOf(40, [])) }, { meta, cells: slim(casesOf(40, range(0, 12))) });
    const markdown = renderCompareMarkdown(report);
    const lines = markdown.split('\n');
    expect(lines[0]).toBe(
      '**❌ Regression** — gpt-4o: 100.0% → 70.0%, pass rate fell significantly (-30.0 points, p = 0.00049)',
    );
    expect(markdown).toContain('| `gpt-4o` | 40/40 | 100.0% → 70.0% |');
    expect(markdown).toContain('### Pass → fail (12)');
    expect(markdown).toContain("- `ask/c0/gpt-4o#0`: expected to contain 'Paris'\n  diff: `The capital is [-Paris.-]{+Lyon.+}`");
    expect(markdown.endsWith('\n')).toBe(true);
  });

  it('caps the flips it lists and says how many are left', () => {
    const report = compareRunRecords({ meta, cells: slim(casesOf(40, [])) }, { meta, cells: slim(casesOf(40, range(0, 12))) });
    const markdown = renderCompareMarkdown(report, { maxFlips: 2 });
    expect(markdown.match(/^- `ask\//gm)).toHaveLength(2);
    expect(markdown).toContain('- … and 10 more (see the JSON report)');
  });

  it('shows no change, drift, errored cells, one-sided cells and notes', () => {
    const base = casesOf(5, []);
    const head = [...casesOf(4, [], { systemFingerprint: 'fp_2' }), { ...makeRecord({ case: 'x', systemFingerprint: 'fp_2' }), index: 7 }];
    head[2] = { ...makeErrored({ case: 'c2' }), index: 2 };
    const changed = makeMeta({ suite: { ...meta.suite, hash: 'suite-hash-2' } });
    const markdown = renderCompareMarkdown(compareRunRecords({ meta, cells: slim(base) }, { meta: changed, cells: slim(head) }, { allowPartial: true }));
    expect(markdown).toContain('> **Partial:** compared 4 of 5 base cells (80.0%)');
    expect(markdown.split('\n')[0]).toMatch(/^\*\*➖ No significant change\*\* — overall: 100\.0% → 100\.0%/);
    expect(markdown).toContain('> **Note:** suite hash differs: base suite-hash-1, head suite-hash-2 (the suite changed)');
    expect(markdown).toContain('⚠️ drift: fingerprint fp_1 → fp_2');
    expect(markdown).toContain('- `ask/c2/gpt-4o#0`: base ok, head OTE_API_RATE_LIMIT');
    expect(markdown).toContain('- only in base: 1 (e.g. `ask/c4/gpt-4o#0`)');
    expect(markdown).toContain('- only in head: 1 (e.g. `ask/x/gpt-4o#0`)');
  });

  it('keeps table rows intact when a model label holds a pipe or a backtick', () => {
    const cells = slim(casesOf(2, [], { model: 'a|b`c' }));
    const markdown = renderCompareMarkdown(compareRunRecords({ meta, cells }, { meta, cells }));
    expect(markdown).toContain('| `` a\\|b`c `` | 2/2 |');
  });
});
