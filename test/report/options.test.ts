import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { resolveReportOptions } from '../../src/report/index.js';
import type { ReportOptions } from '../../src/report/index.js';

describe('resolveReportOptions', () => {
  test('defaults to five files, 20 failures, 200 preview characters and 4,000 page characters', () => {
    expect(resolveReportOptions('runs/a')).toEqual({
      formats: ['json', 'csv', 'comparison', 'markdown', 'html'],
      junitPath: resolve('runs/a/junit.xml'),
      maxFailuresShown: 20,
      outputPreviewChars: 200,
      htmlPath: resolve('runs/a/report.html'),
      htmlMaxOutputChars: 4000,
      htmlBaseline: null,
      pairwise: null,
    });
  });

  test('adds JUnit when a path is given and resolves the path', () => {
    const resolved = resolveReportOptions('runs/a', { junitPath: 'out/junit.xml' });
    expect(resolved.formats).toEqual(['json', 'csv', 'comparison', 'markdown', 'html', 'junit']);
    expect(resolved.junitPath).toBe(join(process.cwd(), 'out', 'junit.xml'));
  });

  test('keeps the formats asked for once each, in file order', () => {
    expect(resolveReportOptions('r', { formats: ['markdown', 'json', 'markdown'] }).formats).toEqual(['json', 'markdown']);
  });

  test.each<{ title: string; options: ReportOptions }>([
    { title: 'an unknown format', options: { formats: ['pdf' as never] } },
    { title: 'a negative page output length', options: { htmlMaxOutputChars: -1 } },
    { title: 'a negative failure count', options: { maxFailuresShown: -1 } },
    { title: 'a fractional preview length', options: { outputPreviewChars: 2.5 } },
  ])('refuses $title with a usage error', ({ options }) => {
    expect(() => resolveReportOptions('r', options)).toThrow(expect.objectContaining({ code: 'OTE_USAGE' }));
  });
});
