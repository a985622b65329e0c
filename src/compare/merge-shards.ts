/**
 * Merges the records of the shards of one plan into one run. Pure: the caller reads each shard (its journal or
 * results) and writes the merged results. All shards' records are held at once, about 1-3 KiB per cell; for
 * plans far beyond a million cells, merge results files with the streaming readers instead of whole arrays.
 */
import type { CellRecord, RunMeta } from '../run/index.js';
import { CheckpointError } from '../errors.js';

/** One shard to merge: where it came from (for messages), its metadata and its records. */
export interface ShardInput {
  /** The run directory or file the shard was read from. */
  source: string;
  meta: RunMeta;
  cells: CellRecord[];
}

/** The merged run. */
export interface MergedRun {
  /** The first shard's metadata with `shard: null` and `cells: planCells`. */
  meta: RunMeta;
  /** Every distinct cell, sorted by plan index. */
  cells: CellRecord[];
  /** Plan indices 0..planCells-1 that no shard holds, ascending. */
  missing: number[];
  /** Ids found in more than one shard (one record kept each), sorted. */
  duplicates: string[];
}

/**
 * Merges shards of one plan. Refuses shards of different plans (`planHash`) and records whose index lies
 * outside the plan. A cell found in two shards (overlapping shard flags, or a shard run twice) is kept once
 * and reported rather than refused: the copies are answers to the same request, so either is a valid result;
 * a scored copy is preferred over an errored one, otherwise the one from the earlier shard in `shards` wins.
 */
export function mergeShards(shards: readonly ShardInput[]): MergedRun {
  if (shards.length === 0) throw new CheckpointError('no shards to merge: expected at least one run directory');
  const first = shards[0];
  for (const shard of shards.slice(1)) {
    if (shard.meta.planHash !== first.meta.planHash) {
      throw new CheckpointError(
        `${shard.source} belongs to another plan: plan hash ${shard.meta.planHash}, but ${first.source} has ` +
          `${first.meta.planHash} (shards must come from the same suite, filters and flags)`,
      );
    }
  }
  const planCells = first.meta.planCells;
  const kept = new Map<string, CellRecord>();
  const duplicates = new Set<string>();
  for (const shard of shards) {
    for (const cell of shard.cells) {
      if (!Number.isInteger(cell.index) || cell.index < 0 || cell.index >= planCells) {
        throw new CheckpointError(
          `${shard.source}: cell ${cell.id} has index ${cell.index}, expected 0..${planCells - 1} for this plan`,
        );
      }
      const previous = kept.get(cell.id);
      if (previous === undefined) kept.set(cell.id, cell);
      else {
        duplicates.add(cell.id);
        if (previous.pass === null && cell.pass !== null) kept.set(cell.id, cell);
      }
    }
  }
  const cells = [...kept.values()].sort((a, b) => a.index - b.index || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (let i = 1; i < cells.length; i++) {
    if (cells[i].index === cells[i - 1].index) {
      throw new CheckpointError(
        `cells ${cells[i - 1].id} and ${cells[i].id} both claim plan index ${cells[i].index}; expected one cell per index`,
      );
    }
  }
  return {
    meta: { ...first.meta, shard: null, cells: planCells },
    cells,
    missing: missingIndices(cells, planCells),
    duplicates: [...duplicates].sort(),
  };
}

/** Indices in 0..planCells-1 absent from `cells`. */
function missingIndices(cells: readonly CellRecord[], planCells: number): number[] {
  const present = new Uint8Array(planCells);
  for (const cell of cells) present[cell.index] = 1;
  const missing: number[] = [];
  for (let index = 0; index < planCells; index++) if (present[index] === 0) missing.push(index);
  return missing;
}
