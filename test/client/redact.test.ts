import { describe, expect, test } from 'vitest';
import { oneLineSnippet, redactSecret } from '../../src/client/redact.js';

describe('redactSecret', () => {
  test('replaces every occurrence of the secret', () => {
    expect(redactSecret('a sk-1 b sk-1', 'sk-1')).toBe('a [redacted] b [redacted]');
  });

  test('leaves text alone when the secret is empty', () => {
    expect(redactSecret('abc', '')).toBe('abc');
  });
});

describe('oneLineSnippet', () => {
  test('collapses whitespace and cuts long text with an ellipsis', () => {
    expect(oneLineSnippet('a\n\n b\tc', 'x')).toBe('a b c');
    expect(oneLineSnippet('abcdef', 'x', 3)).toBe('abc…');
  });

  test('redacts before cutting, so no prefix of the key survives the cut', () => {
    expect(oneLineSnippet('key=sk-abcdef', 'sk-abcdef', 8)).toBe('key=[red…');
  });
});
