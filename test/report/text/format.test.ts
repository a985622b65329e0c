import { describe, expect, test } from 'vitest';
import { formatCost, formatCount, formatIntervalPercent, formatPercent, plural, truncate } from '../../../src/report/text/format.js';

describe('truncate', () => {
  test.each([
    { text: 'short', max: 10, expected: 'short' },
    { text: 'exactly10!', max: 10, expected: 'exactly10!' },
    { text: 'eleven char', max: 10, expected: 'eleven cha…' },
    { text: '😀😀😀', max: 3, expected: '😀😀😀' },
    { text: '😀😀😀😀', max: 3, expected: '😀😀😀…' },
    { text: 'a😀b', max: 2, expected: 'a😀…' },
    { text: 'anything', max: 0, expected: '…' },
  ])('cuts "$text" to $max code points as "$expected"', ({ text, max, expected }) => {
    expect(truncate(text, max)).toBe(expected);
  });
});

describe('number formats', () => {
  test.each([
    { value: formatPercent(0.9), expected: '90.0%' },
    { value: formatPercent(null), expected: '-' },
    { value: formatIntervalPercent({ low: 0.699, high: 0.9721 }), expected: '69.9–97.2%' },
    { value: formatCost(0.0123456), expected: '$0.0123' },
    { value: formatCost(0.000012345), expected: '$0.000012' },
    { value: formatCost(0), expected: '$0' },
    { value: formatCost(0.000048), expected: '$0.000048' },
    { value: formatCost(1234.5), expected: '$1,234.5000' },
    { value: plural(1, 'cell'), expected: '1 cell' },
    { value: plural(0, 'prompt'), expected: '0 prompts' },
    { value: plural(1200, 'retry', 'retries'), expected: '1,200 retries' },
    { value: formatCost(null), expected: '-' },
    { value: formatCount(1234567), expected: '1,234,567' },
    { value: formatCount(999), expected: '999' },
  ])('writes $expected', ({ value, expected }) => {
    expect(value).toBe(expected);
  });
});
