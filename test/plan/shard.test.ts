import { describe, expect, it } from 'vitest';
import { isInShard, parseShard } from '../../src/plan/index.js';
import { UsageError } from '../../src/errors.js';

describe('parseShard', () => {
  it.each([
    { text: '1/1', shard: { index: 1, count: 1 } },
    { text: '2/4', shard: { index: 2, count: 4 } },
    { text: ' 3 / 3 ', shard: { index: 3, count: 3 } },
    { text: '10/12', shard: { index: 10, count: 12 } },
  ])('reads "$text"', ({ text, shard }) => {
    expect(parseShard(text)).toEqual(shard);
  });

  it.each([
    { text: '', words: /expected i\/n/ },
    { text: '2', words: /expected i\/n/ },
    { text: '1/2/3', words: /expected i\/n/ },
    { text: 'a/b', words: /expected i\/n/ },
    { text: '-1/2', words: /expected i\/n/ },
    { text: '1.5/2', words: /expected i\/n/ },
    { text: '0/2', words: /expected 1 <= i <= n, got i=0, n=2/ },
    { text: '3/2', words: /expected 1 <= i <= n, got i=3, n=2/ },
    { text: '1/0', words: /expected 1 <= i <= n, got i=1, n=0/ },
  ])('refuses "$text" with a usage error', ({ text, words }) => {
    let caught: unknown;
    try {
      parseShard(text);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UsageError);
    expect((caught as UsageError).code).toBe('OTE_USAGE');
    expect((caught as UsageError).exitCode).toBe(2);
    expect((caught as UsageError).message).toMatch(words);
    expect((caught as UsageError).message).toContain(`"${text}"`);
  });
});

describe('isInShard', () => {
  it('keeps every row without a shard', () => {
    expect([0, 1, 99].every((row) => isInShard(row, null))).toBe(true);
  });

  it.each([1, 2, 3, 4, 5])('puts each of 23 rows in exactly one of %i shards, round-robin', (count) => {
    for (let row = 0; row < 23; row++) {
      const owners = Array.from({ length: count }, (_, index) => index + 1).filter((index) => isInShard(row, { index, count }));
      expect(owners).toEqual([(row % count) + 1]);
    }
  });
});
