import { describe, expect, it } from 'vitest';
import { compareRunRecords, renderCompareText } from '../../src/compare/index.js';
import { casesOf, makeMeta, range, slim } from './records.js';

const meta = makeMeta();
const report = compareRunRecords(
  { meta, cells: slim(casesOf(40, [])) },
  { meta, cells: slim(casesOf(40, range(0, 12), { systemFingerprint: 'fp_2' })) },
);

describe('renderCompareText', () => {
  it('prints the verdict, an aligned table, drift and the flips without colour by default', () => {
    const text = renderCompareText(report, { maxFlips: 1 });
    const lines = text.split('\n');
    expect(lines[0]).toBe('Regression: gpt-4o: 100.0% -> 70.0%, pass rate fell significantly (-30.0 points, p = 0.00049)');
    expect(lines[1]).toBe('endpoint: real (https://onetoken.one/v1)');
    expect(lines[3]).toMatch(/^model +pairs +pass base -> head/);
    expect(lines[4]).toMatch(/^gpt-4o +40\/40 +100\.0% -> 70\.0% +-30\.0 \[/);
    expect(lines[4].indexOf('40/40')).toBe(lines[3].indexOf('pairs'));
    expect(text).toContain('provider drift in gpt-4o: fingerprint fp_1 -> fp_2');
    expect(text).toContain("  pass -> fail  ask/c0/gpt-4o#0: expected to contain 'Paris'\n      The capital is [-Paris.-]{+Lyon.+}");
    expect(text).toContain('  … and 11 more (see the JSON report)');
    expect(text).not.toContain('\u001b[');
  });

  it('colours verdicts when asked', () => {
    expect(renderCompareText(report, { color: true }).startsWith('\u001b[31mRegression\u001b[0m:')).toBe(true);
  });
});
