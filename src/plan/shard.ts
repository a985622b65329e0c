/**
 * Shards: a deterministic partition of a plan's rows (prompt × case × repeat, with all their models) so that the
 * union of shards 1..n is the whole plan and no cell is in two. Rows are dealt round-robin in plan order, which
 * balances shards to within one row; keeping a row's models together keeps comparison rows whole.
 */
import { optionRef, UsageError } from '../errors.js';

/** Shard `index` (1-based) of `count`. */
export interface Shard {
  index: number;
  count: number;
}

/** Parses `i/n` with 1 <= i <= n. */
export function parseShard(text: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!match) throw new UsageError(`invalid ${optionRef('shard')} "${text}": expected i/n such as 1/4`);
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1 || index < 1 || index > count) {
    throw new UsageError(`invalid ${optionRef('shard')} "${text}": expected 1 <= i <= n, got i=${index}, n=${count}`);
  }
  return { index, count };
}

/** True when the row with plan position `rowIndex` (0-based) belongs to the shard. */
export function isInShard(rowIndex: number, shard: Shard | null): boolean {
  return shard === null || rowIndex % shard.count === shard.index - 1;
}
