import { describe, expect, it } from 'vitest';
import { closest, didYouMean, editDistance } from '../src/suggest.js';

const types = ['equals', 'contains', 'icontains', 'is-json', 'regex', 'llm-rubric'];

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

describe('closest', () => {
  it.each([
    { name: 'contians', expected: 'contains' },
    { name: 'Contains', expected: 'contains' },
    { name: 'contain', expected: 'contains' },
    { name: 'icontain', expected: 'icontains' },
    { name: 'regx', expected: 'regex' },
    { name: 'llm_rubric', expected: 'llm-rubric' },
    { name: 'json', expected: null },
    { name: 'banana', expected: null },
    { name: '', expected: null },
  ])('suggests $expected for $name', ({ name, expected }) => {
    expect(closest(name, types)).toBe(expected);
  });

  it('prefers the closest candidate, then the earlier one', () => {
    expect(closest('asert', ['assert', 'assets'])).toBe('assert');
    expect(closest('ab', ['ac', 'ad'])).toBe('ac');
  });

  it('accepts a candidate only within the given maximum distance', () => {
    expect(closest('banana', ['bandana'], 0)).toBeNull();
    expect(closest('banana', ['bandana'], 1)).toBe('bandana');
  });

  it('never suggests an empty candidate', () => {
    expect(closest('a', ['', 'b'])).toBe('b');
    expect(closest('a', [''])).toBeNull();
  });
});

describe('didYouMean', () => {
  it('words a close candidate as a parenthesised hint to append to a message', () => {
    expect(didYouMean('asert', ['assert'])).toBe(' (did you mean "assert"?)');
  });

  it('adds nothing when no candidate is close', () => {
    expect(didYouMean('banana', types)).toBe('');
  });
});
