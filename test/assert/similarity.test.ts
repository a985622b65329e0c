import { describe, expect, it } from 'vitest';
import { similarity } from '../../src/assert/similarity.js';

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
