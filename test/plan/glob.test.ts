import { describe, expect, it } from 'vitest';
import { compileFilter } from '../../src/plan/index.js';
import { UsageError } from '../../src/errors.js';

describe('compileFilter', () => {
  it.each([
    { glob: 'capital/*', prompt: 'capital', caseId: 'france', matches: true },
    { glob: 'capital/*', prompt: 'extract', caseId: 'france', matches: false },
    { glob: '*/france', prompt: 'extract', caseId: 'france', matches: true },
    { glob: '*fra*', prompt: 'capital', caseId: 'france-3f9a1c', matches: true },
    { glob: 'capital', prompt: 'capital', caseId: 'france', matches: true },
    { glob: 'france', prompt: 'capital', caseId: 'france', matches: true },
    { glob: 'fran', prompt: 'capital', caseId: 'france', matches: false },
    { glob: 'c?pital', prompt: 'capital', caseId: 'x', matches: true },
    { glob: '[cd]apital/*', prompt: 'dapital', caseId: 'x', matches: true },
    { glob: '[!c]apital/*', prompt: 'capital', caseId: 'x', matches: false },
    { glob: '*/{france,japan}', prompt: 'p', caseId: 'japan', matches: true },
    { glob: '*/{france,japan}', prompt: 'p', caseId: 'peru', matches: false },
    { glob: 'a.b', prompt: 'axb', caseId: 'x', matches: false },
    { glob: 'a.b', prompt: 'a.b', caseId: 'x', matches: true },
    { glob: '(x)+', prompt: '(x)+', caseId: 'x', matches: true },
    { glob: '*', prompt: 'anything', caseId: 'x', matches: true },
    { glob: '*/*', prompt: 'p', caseId: 'c', matches: true },
    { glob: '*', prompt: 'p', caseId: 'c', matches: true },
  ])('$glob on $prompt/$caseId is $matches', ({ glob, prompt, caseId, matches }) => {
    expect(compileFilter(glob)(prompt, caseId)).toBe(matches);
  });

  it.each([
    { glob: '[a-c]x', prompt: 'bx', matches: true },
    { glob: '[a-c]x', prompt: 'dx', matches: false },
    { glob: '[]a]', prompt: ']', matches: true },
    { glob: '[^a]', prompt: 'a', matches: false },
    { glob: 'caf?', prompt: 'café', matches: true },
    { glob: '{,pre}fix', prompt: 'fix', matches: true },
    { glob: 'a\\b', prompt: 'a\\b', matches: true },
  ])('$glob on prompt $prompt is $matches', ({ glob, prompt, matches }) => {
    expect(compileFilter(glob)(prompt, 'zzz')).toBe(matches);
  });

  it('answers a glob that makes a backtracking RegExp run for hours at once', () => {
    // As a RegExp, (?:[^/]*|[^/]*) 30 times then "b" tries every split of 40 characters among 30 runs, each
    // either way, before it fails: the process froze. The state machine takes 40 steps over 61 states.
    const glob = `${'{*,*}'.repeat(30)}b`;
    expect(compileFilter(glob)('a'.repeat(40), 'a'.repeat(40))).toBe(false);
    expect(compileFilter(glob)(`${'a'.repeat(40)}b`, 'x')).toBe(true);
    expect(compileFilter(`${'*a'.repeat(40)}/x`)('a'.repeat(39), 'x')).toBe(false);
  });

  it('does not let "*" cross the prompt/case separator', () => {
    expect(compileFilter('cap*ance')('capital', 'france')).toBe(false);
  });

  it.each([
    { glob: '', words: /empty string/ },
    { glob: '   ', words: /empty string/ },
    { glob: '[abc', words: /unclosed "\[" at position 1/ },
    { glob: 'x/{a,b', words: /unclosed "\{"/ },
    { glob: '{a,{b}}', words: /nested "\{" at position 4/ },
    { glob: '[z-a]x', words: /range "z-a" is out of order/ },
  ])('refuses "$glob" with a usage error', ({ glob, words }) => {
    let caught: unknown;
    try {
      compileFilter(glob);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UsageError);
    expect((caught as UsageError).code).toBe('OTE_USAGE');
    expect((caught as UsageError).message).toMatch(words);
  });
});
