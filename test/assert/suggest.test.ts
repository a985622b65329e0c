import { describe, expect, it } from 'vitest';
import { suggest } from '../../src/assert/index.js';

const types = ['equals', 'contains', 'icontains', 'is-json', 'regex', 'llm-rubric'];

describe('suggest', () => {
  it.each([
    { name: 'contians', expected: 'contains' },
    { name: 'Contains', expected: 'contains' },
    { name: 'contain', expected: 'contains' },
    { name: 'icontain', expected: 'icontains' },
    { name: 'regx', expected: 'regex' },
    { name: 'llm_rubric', expected: 'llm-rubric' },
    { name: 'json', expected: undefined },
    { name: 'banana', expected: undefined },
    { name: '', expected: undefined },
  ])('suggests $expected for $name', ({ name, expected }) => {
    expect(suggest(name, types)).toBe(expected);
  });

  it('prefers the closest candidate, then the earlier one', () => {
    expect(suggest('asert', ['assert', 'assets'])).toBe('assert');
    expect(suggest('ab', ['ac', 'ad'])).toBe('ac');
  });
});
