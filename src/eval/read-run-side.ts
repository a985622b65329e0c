/**
 * Reads one side of a comparison: a run directory (its run.json and results.json) or a results.json file, with
 * `results/<suite>/latest` pointers resolved. The metadata is validated by the run's own schema.
 */
import { stat } from 'node:fs/promises';
import { toCompareCell, type CompareCell } from '../compare/index.js';
import { CheckpointError } from '../errors.js';
import { readResultCells, readResultsHeader } from '../report/index.js';
import { parseRunMeta, readRunMetaFile, type RunMeta } from '../run/index.js';
import { resolveRunPath } from './run-location.js';

/** One side: its metadata and its cells as the comparison needs them. */
export interface RunSide {
  /** The path as resolved (a `latest` pointer followed). */
  path: string;
  meta: RunMeta;
  cells: CompareCell[];
}

/** Reads a run directory or results.json; with `metaOnly`, only checks that it is one and reads its metadata. */
export async function readRunSide(path: string, options: { metaOnly?: boolean } = {}): Promise<RunSide> {
  const resolved = resolveRunPath(path);
  const meta = (await kindOf(resolved)) === 'directory' ? readRunMetaFile(resolved) : await readFileMeta(resolved);
  const cells: CompareCell[] = [];
  if (!options.metaOnly) for await (const record of readResultCells(resolved)) cells.push(toCompareCell(record));
  return { path: resolved, meta, cells };
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
