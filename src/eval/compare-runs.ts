/** `compareRuns`: two runs (directories or results.json files) -> the paired regression report. */
import { compareRunRecords, type CompareOptions, type CompareReport } from '../compare/index.js';
import type { RunMeta } from '../run/index.js';
import { readRunSide } from './read-run-side.js';

/** Options of `compareRuns`. */
export type CompareRunsOptions = CompareOptions;

/** What `compareRuns` returns: the report and both sides' metadata. */
export interface CompareRunsResult {
  report: CompareReport;
  base: RunMeta;
  head: RunMeta;
}

/** Reads both runs and compares them cell by cell. */
export async function compareRuns(base: string, head: string, options: CompareRunsOptions = {}): Promise<CompareRunsResult> {
  const [baseSide, headSide] = await Promise.all([readRunSide(base), readRunSide(head)]);
  return { report: compareRunRecords(baseSide, headSide, options), base: baseSide.meta, head: headSide.meta };
}
