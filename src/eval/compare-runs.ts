/** `compareRuns`: two runs (directories or results.json files) -> the paired regression report. */
import { compareRunRecords, withFlipDetails, type CompareOptions, type CompareReport } from '../compare/index.js';
import type { RunMeta } from '../run/index.js';
import { pageBaselineOf } from './html-baseline.js';
import { completeCells, readSlimRunSide } from './read-run-side.js';
import { writeHtmlReport } from './write-html-report.js';

/** Options of `compareRuns`. */
export interface CompareRunsOptions extends CompareOptions {
  /** Also write head's report.html with the baseline view: to this path, or where `writeHtmlReport` puts it when true. @default false */
  html?: boolean | string;
}

/** What `compareRuns` returns: the report, both sides' metadata, and where the page went (when asked). */
export interface CompareRunsResult {
  report: CompareReport;
  base: RunMeta;
  head: RunMeta;
  htmlPath: string | null;
}

/**
 * Reads both runs and compares them cell by cell. The cells are read slim (the statistics need no output),
 * and only the flipped cells, whose outputs and reasons the report shows, are read again in full.
 */
export async function compareRuns(base: string, head: string, options: CompareRunsOptions = {}): Promise<CompareRunsResult> {
  const [baseSide, headSide] = await Promise.all([readSlimRunSide(base), readSlimRunSide(head)]);
  const slimReport = compareRunRecords(baseSide, headSide, options);
  const flipIds = new Set(slimReport.flips.map((flip) => flip.id));
  const [baseFull, headFull] = await Promise.all([completeCells(baseSide, flipIds), completeCells(headSide, flipIds)]);
  const report = withFlipDetails(slimReport, baseFull, headFull);
  let htmlPath: string | null = null;
  if (options.html) {
    const baseline = pageBaselineOf(report, base, baseSide.cells, headSide.cells);
    htmlPath = (await writeHtmlReport(headSide.path, { baseline, outputPath: typeof options.html === 'string' ? options.html : undefined })).path;
  }
  return { report, base: baseSide.meta, head: headSide.meta, htmlPath };
}
