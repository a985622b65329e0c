import { describe, expect, it } from 'vitest';
import { diffWords, formatWordDiff, truncate } from '../../src/compare/index.js';

describe('diffWords', () => {
  it.each([
    { before: 'The capital is Paris.', after: 'The capital is Lyon.', diff: 'The capital is [-Paris.-]{+Lyon.+}' },
    { before: 'a b c', after: 'a c', diff: 'a [-b -]c' },
    { before: 'a c', after: 'a b c', diff: 'a {+b +}c' },
    { before: '', after: 'new text', diff: '{+new text+}' },
    { before: 'old text', after: '', diff: '[-old text-]' },
    { before: 'x y z w', after: 'x z y w', diff: 'x [-y -]z{+ y+} w' },
  ])('diffs $before into $after', ({ before, after, diff }) => {
    expect(formatWordDiff(diffWords(before, after), { context: 100 })).toBe(diff);
  });

  it('rebuilds both texts from its parts', () => {
    const before = 'The quick brown fox\njumps over the lazy dog';
    const after = 'The quick red fox\nleaps over the dog';
    const parts = diffWords(before, after);
    expect(parts.filter((part) => part.op !== 'insert').map((part) => part.text).join('')).toBe(before);
    expect(parts.filter((part) => part.op !== 'delete').map((part) => part.text).join('')).toBe(after);
  });

  it('says so when the outputs are identical', () => {
    expect(formatWordDiff(diffWords('same', 'same'))).toBe('(same output)');
  });
});

describe('formatWordDiff', () => {
  it('elides long unchanged runs around a change and shows newlines as ⏎', () => {
    const prefix = 'word '.repeat(40);
    const text = formatWordDiff(diffWords(`${prefix}one\nend`, `${prefix}two\nend`), { context: 10 });
    expect(text).toBe('…word word [-one-]{+two+}⏎end');
  });

  it('cuts the result to maxChars', () => {
    const text = formatWordDiff(diffWords('a', 'b '.repeat(500)), { maxChars: 50 });
    expect(text).toHaveLength(50);
    expect(text.endsWith('…')).toBe(true);
  });
});

describe('truncate', () => {
  it('keeps short text and never splits a surrogate pair', () => {
    expect(truncate('short', 10)).toBe('short');
    expect(truncate('ab😀cd', 4)).toBe('ab…');
  });
});
