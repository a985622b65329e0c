import { describe, expect, it } from 'vitest';
import { mergeShards } from '../../src/compare/index.js';
import type { CellRecord } from '../../src/run/index.js';
import { OnetokenEvalError } from '../../src/errors.js';
import { casesOf, makeErrored, makeMeta } from './records.js';

const plan = casesOf(10, [3, 7]);

function shardOf(index: number, count: number, cells: CellRecord[] = plan, planHash = 'plan-hash-1') {
  return {
    source: `shard-${index}`,
    meta: makeMeta({ shard: { index, count }, planHash, cells: cells.filter((c) => c.index % count === index).length }),
    cells: cells.filter((cell) => cell.index % count === index),
  };
}

describe('mergeShards', () => {
  it.each([1, 2, 3, 4])('rebuilds the unsharded run from %i shards given in any order', (count) => {
    const shards = Array.from({ length: count }, (_, i) => shardOf(i, count)).reverse();
    const merged = mergeShards(shards);
    expect(merged.cells).toEqual(plan);
    expect(merged.missing).toEqual([]);
    expect(merged.duplicates).toEqual([]);
    expect(merged.meta).toEqual({ ...shards[0].meta, shard: null, cells: 10 });
  });

  it('refuses shards of different plans and names both sources and hashes', () => {
    const error = catchError(() => mergeShards([shardOf(0, 2), shardOf(1, 2, plan, 'plan-hash-2')]));
    expect(error).toBeInstanceOf(OnetokenEvalError);
    expect((error as OnetokenEvalError).code).toBe('OTE_CHECKPOINT');
    expect((error as Error).message).toBe(
      'shard-1 belongs to another plan: plan hash plan-hash-2, but shard-0 has plan-hash-1 (shards must come from the same suite, filters and flags)',
    );
  });

  it('lists the plan indices no shard holds', () => {
    const merged = mergeShards([shardOf(0, 3), shardOf(2, 3)]);
    expect(merged.missing).toEqual([1, 4, 7]);
    expect(merged.cells.map((cell) => cell.index)).toEqual([0, 2, 3, 5, 6, 8, 9]);
  });

  it('keeps one copy of a cell found twice, preferring a scored one, and reports it', () => {
    const errored = { ...makeErrored({ case: 'c4' }), index: 4 };
    const first = { source: 'a', meta: makeMeta(), cells: [errored, plan[5]] };
    const second = { source: 'b', meta: makeMeta(), cells: plan };
    const merged = mergeShards([first, second]);
    expect(merged.duplicates).toEqual(['ask/c4/gpt-4o#0', 'ask/c5/gpt-4o#0']);
    expect(merged.cells).toHaveLength(10);
    expect(merged.cells[4]).toBe(plan[4]);
    expect(merged.cells[5]).toBe(plan[5]);
  });

  it.each([
    { name: 'an index outside the plan', cells: [{ ...plan[0], index: 10 }], message: 'x: cell ask/c0/gpt-4o#0 has index 10, expected 0..9 for this plan' },
    { name: 'two cells with one index', cells: [plan[0], { ...plan[1], index: 0 }], message: 'cells ask/c0/gpt-4o#0 and ask/c1/gpt-4o#0 both claim plan index 0; expected one cell per index' },
  ])('refuses $name', ({ cells, message }) => {
    expect(() => mergeShards([{ source: 'x', meta: makeMeta(), cells }])).toThrow(message);
  });

  it('refuses an empty list of shards', () => {
    expect(() => mergeShards([])).toThrow('no shards to merge');
  });
});

function catchError(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
