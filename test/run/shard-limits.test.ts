import { describe, expect, it } from 'vitest';
import { limitsForShard } from '../../src/run/index.js';

describe('limitsForShard', () => {
  it.each([
    { title: 'splits rpm and tpm over the shards of a sharded run', shard: { index: 2, count: 4 }, mode: undefined, limits: { concurrency: 4, rpm: 500, tpm: 200_000 }, expected: { concurrency: 4, rpm: 125, tpm: 50_000 } },
    { title: 'keeps a limit that is not set unset', shard: { index: 1, count: 3 }, mode: 'split' as const, limits: { rpm: 90 }, expected: { concurrency: undefined, rpm: 30, tpm: undefined } },
    { title: 'takes the limits in full when told to', shard: { index: 1, count: 3 }, mode: 'full' as const, limits: { rpm: 90, tpm: 900 }, expected: { rpm: 90, tpm: 900 } },
    { title: 'leaves an unsharded run alone', shard: null, mode: 'split' as const, limits: { rpm: 90 }, expected: { rpm: 90 } },
    { title: 'leaves shard 1/1 alone', shard: { index: 1, count: 1 }, mode: 'split' as const, limits: { rpm: 90 }, expected: { rpm: 90 } },
  ])('$title', ({ shard, mode, limits, expected }) => {
    expect(limitsForShard(limits, shard, mode)).toEqual(expected);
  });
});
