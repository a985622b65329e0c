import { describe, expect, test } from 'vitest';
import { formatCost as pageCost, formatCount as pageCount } from '../../../src/report/html/page/format.js';
import { formatCost, formatCount } from '../../../src/report/text/format.js';

describe('report.html writes counts and costs as the other reports do', () => {
  test.each([0, 0.000048, 0.0011, 0.0123456, 0.5, 1234.5])('cost %s reads the same on the page as in summary.md', (cost) => {
    expect(pageCost(cost)).toBe(formatCost(cost));
  });

  test('a cost without pricing is the page\'s em dash', () => {
    expect(pageCost(null)).toBe('—');
  });

  test.each([0, 999, 1234567])('count %s reads the same on the page', (value) => {
    expect(pageCount(value)).toBe(formatCount(value));
  });
});
