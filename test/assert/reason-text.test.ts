import { describe, expect, it } from 'vitest';
import { describeType, formatNumber, quote, quoteList, truncate } from '../../src/assert/reason-text.js';

describe('reason text', () => {
  it('quotes strings with JSON escaping', () => {
    expect(quote('a "b"\nc')).toBe('"a \\"b\\"\\nc"');
  });

  it('truncates long values by code points with an ellipsis', () => {
    expect(quote('😀'.repeat(70))).toBe(`"${'😀'.repeat(60)}…"`);
    expect(truncate('abcdef', 3)).toBe('abc…');
    expect(truncate('abc', 3)).toBe('abc');
  });

  it('shows non-strings as compact JSON', () => {
    expect(quote({ a: [1, 2] })).toBe('{"a":[1,2]}');
    expect(quote(42)).toBe('42');
  });

  it('joins lists in prose', () => {
    expect(quoteList(['a'])).toBe('"a"');
    expect(quoteList(['a', 'b', 'c'])).toBe('"a", "b" and "c"');
  });

  it.each([
    { value: 0.8, text: '0.8' },
    { value: 2 / 3, text: '0.667' },
    { value: 12, text: '12' },
  ])('formats $value as $text', ({ value, text }) => {
    expect(formatNumber(value)).toBe(text);
  });

  it.each([
    { value: null, type: 'null' },
    { value: [], type: 'array' },
    { value: {}, type: 'object' },
    { value: 'x', type: 'string' },
    { value: Number.NaN, type: 'NaN' },
  ])('names the type of $value as $type', ({ value, type }) => {
    expect(describeType(value)).toBe(type);
  });
});
