import { describe, expect, it } from 'vitest';
import { deepEqual } from '../../src/assert/deep-equal.js';

describe('deepEqual', () => {
  it.each([
    { left: 1, right: 1, equal: true },
    { left: 1, right: '1', equal: false },
    { left: null, right: null, equal: true },
    { left: null, right: {}, equal: false },
    { left: [1, 2], right: [1, 2], equal: true },
    { left: [1, 2], right: [2, 1], equal: false },
    { left: [], right: {}, equal: false },
    { left: { a: 1, b: [true] }, right: { b: [true], a: 1 }, equal: true },
    { left: { a: 1 }, right: { a: 1, b: undefined }, equal: false },
    { left: { a: { b: { c: 'x' } } }, right: { a: { b: { c: 'y' } } }, equal: false },
  ])('compares $left with $right: $equal', ({ left, right, equal }) => {
    expect(deepEqual(left, right)).toBe(equal);
    expect(deepEqual(right, left)).toBe(equal);
  });
});
