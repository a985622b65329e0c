import { describe, expect, it } from 'vitest';
import { editDistance, similarity } from '../../src/assert/edit-distance.js';

describe('editDistance', () => {
  it.each([
    { a: '', b: '', expected: 0 },
    { a: 'abc', b: '', expected: 3 },
    { a: '', b: 'abc', expected: 3 },
    { a: 'kitten', b: 'sitting', expected: 3 },
    { a: 'flaw', b: 'lawn', expected: 2 },
    { a: 'ab', b: 'ba', expected: 2 },
    { a: '😀a', b: '😀b', expected: 1 },
    { a: 'café', b: 'cafe', expected: 1 },
  ])('counts $expected edits from $a to $b', ({ a, b, expected }) => {
    expect(editDistance(a, b)).toBe(expected);
    expect(editDistance(b, a)).toBe(expected);
  });

  it('counts a swap of adjacent characters as one edit when transpositions are on', () => {
    expect(editDistance('contians', 'contains', true)).toBe(1);
    expect(editDistance('contians', 'contains')).toBe(2);
    expect(editDistance('ca', 'abc', true)).toBe(3);
  });
});

describe('similarity', () => {
  it.each([
    { a: '', b: '', expected: 1 },
    { a: 'abc', b: 'abc', expected: 1 },
    { a: 'abc', b: 'xyz', expected: 0 },
    { a: 'Paris', b: 'Parsi', expected: 0.6 },
    { a: '😀😀😀😀', b: '😀😀😀', expected: 0.75 },
  ])('rates $a and $b at $expected', ({ a, b, expected }) => {
    expect(similarity(a, b)).toBeCloseTo(expected, 12);
  });
});
