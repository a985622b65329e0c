/** Reads two runs (directories or results.json files) and compares them; shared by `compare` and `run --baseline`. */
import { compareRuns, toCompareCell, type CompareCell, type CompareReport } from '../compare/index.js';
import { readResultCells, readRunMeta } from '../run/index.js';
import { resolveRunPath } from './run-location.js';

async function readSide(path: string): Promise<{ meta: Awaited<ReturnType<typeof readRunMeta>>; cells: CompareCell[] }> {
  const resolved = resolveRunPath(path);
  const meta = await readRunMeta(resolved);
  const cells: CompareCell[] = [];
  for await (const record of readResultCells(resolved)) cells.push(toCompareCell(record));
  return { meta, cells };
}

/** Compares the runs at two paths; also returns the head's suite path for annotations. */
export async function compareRunPaths(basePath: string, headPath: string, options: { alpha?: number; maxDrop?: number }): Promise<{ report: CompareReport; headSuitePath: string }> {
  const [base, head] = await Promise.all([readSide(basePath), readSide(headPath)]);
  return { report: compareRuns(base, head, { alpha: options.alpha, maxDrop: options.maxDrop }), headSuitePath: head.meta.suite.path };
}
