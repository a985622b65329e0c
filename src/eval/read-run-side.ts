/**
 * Reads one side of a comparison: a run directory (its run.json and results.json) or a results.json file, with
 * `results/<suite>/latest` pointers resolved. The metadata is validated by the run's own schema.
 */
import { stat } from 'node:fs/promises';
import { toCompareCell, toSlimCompareCell, type CompareCell } from '../compare/index.js';
import { CheckpointError } from '../errors.js';
import { readResultEntries, readResultRecordsAt, readResultsHeader, type ResultLinePosition } from '../report/index.js';
import { parseRunMeta, readRunMetaFile, type RunMeta } from '../run/index.js';
import { resolveRunPath } from './run-location.js';

/** One side: its metadata and its cells as the comparison needs them. */
export interface RunSide {
  /** The path as resolved (a `latest` pointer followed). */
  path: string;
  meta: RunMeta;
  cells: CompareCell[];
}

/** A side read with slim cells (no output, no failed reasons) and where each cell's record lies. */
export interface SlimRunSide extends RunSide {
  /** Where the record of `cells[i]` lies: offset `positions[3i]`, length `[3i + 1]`, line number `[3i + 2]` (flat, not an object a cell). */
  positions: number[];
}

/** Reads a run directory or results.json; with `metaOnly`, only checks that it is one and reads its metadata. */
export async function readRunSide(path: string, options: { metaOnly?: boolean } = {}): Promise<RunSide> {
  const resolved = resolveRunPath(path);
  const meta = await readMeta(resolved);
  const cells: CompareCell[] = [];
  if (!options.metaOnly) for await (const { record } of readResultEntries(resolved)) cells.push(toCompareCell(record));
  return { path: resolved, meta, cells };
}

/**
 * `readRunSide` keeping slim cells: two 100,000-cell runs held whole with every output cost more memory and
 * garbage collection than reading them; `completeCells` fills in the few cells a report shows in full.
 */
export async function readSlimRunSide(path: string): Promise<SlimRunSide> {
  const resolved = resolveRunPath(path);
  const meta = await readMeta(resolved);
  const cells: CompareCell[] = [];
  const positions: number[] = [];
  const names = new Map<string, string>();
  for await (const { record, position } of readResultEntries(resolved)) {
    cells.push(toSlimCompareCell(record, names));
    positions.push(position.offset, position.length, position.lineNumber);
  }
  return { path: resolved, meta, cells, positions };
}

/**
 * Replaces the slim cells of `side` whose id is in `ids` with full ones, read again from its results.json, and
 * returns them by id. A repeated id completes its last cell, the one a comparison matches.
 */
export async function completeCells(side: SlimRunSide, ids: ReadonlySet<string>): Promise<Map<string, CompareCell>> {
  const found = new Map<string, number>();
  for (let index = side.cells.length - 1; index >= 0 && found.size < ids.size; index--) {
    const { id } = side.cells[index];
    if (ids.has(id) && !found.has(id)) found.set(id, index);
  }
  // In file order, so the reads move forward through the file.
  const indexes = [...found.values()].sort((a, b) => a - b);
  const records = await readResultRecordsAt(side.path, indexes.map((index) => positionOf(side, index)));
  const full = new Map<string, CompareCell>();
  indexes.forEach((index, i) => {
    const cell = toCompareCell(records[i]);
    if (cell.id !== side.cells[index].id) throw new CheckpointError(`${side.path}: changed while it was read (line ${positionOf(side, index).lineNumber} now holds ${cell.id})`);
    side.cells[index] = cell;
    full.set(cell.id, cell);
  });
  return full;
}

function positionOf(side: SlimRunSide, index: number): ResultLinePosition {
  return { offset: side.positions[3 * index]!, length: side.positions[3 * index + 1]!, lineNumber: side.positions[3 * index + 2]! };
}

async function readMeta(resolved: string): Promise<RunMeta> {
  return (await kindOf(resolved)) === 'directory' ? readRunMetaFile(resolved) : await readFileMeta(resolved);
}

async function readFileMeta(file: string): Promise<RunMeta> {
  const header = await readResultsHeader(file);
  return parseRunMeta(header.run, header.file);
}

/** Whether `path` is a directory or a file; a CheckpointError when it does not exist. */
async function kindOf(path: string): Promise<'directory' | 'file'> {
  try {
    return (await stat(path)).isDirectory() ? 'directory' : 'file';
  } catch (error) {
    throw new CheckpointError(`${path}: no such run directory or results file (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { cause: error });
  }
}
