/**
 * `writeHtmlReport` and `reportRun`: (re)write a finished run's report.html from its results.json, without any
 * request, through the same html reporter as `run`; `reportRun` adds the comparison with a baseline.
 */
import { statSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { CompareReport } from '../compare/index.js';
import { readResultCells, readResultsPairwise, writeReports, type PageBaseline, type RunSummary } from '../report/index.js';
import { acquireRunLock, type RunLock } from '../run/index.js';
import { compareRuns } from './compare-runs.js';
import { readRunSide } from './read-run-side.js';

/** Options of `writeHtmlReport`. */
export interface WriteHtmlReportOptions {
  /** Where to write the page. @default `<run-dir>/report.html`, or `<name>.html` beside a results.json file */
  outputPath?: string;
  /** The baseline view to show. @default none */
  baseline?: PageBaseline;
}

/** Writes the page of the run at `runPath` (a run directory or a results.json file); returns where it went. */
export async function writeHtmlReport(runPath: string, options: WriteHtmlReportOptions = {}): Promise<{ path: string; summary: RunSummary }> {
  const { path: resolved, meta } = await readRunSide(runPath, { metaOnly: true });
  const isFile = (await stat(resolved)).isFile();
  const runDir = isFile ? dirname(resolved) : resolved;
  const path = resolve(options.outputPath ?? (isFile ? resolved.replace(/(\.json)?$/, '.html') : join(runDir, 'report.html')));
  // The pairwise section and each row's verdicts come from results.json too, as `run` wrote them.
  const pairwise = await readResultsPairwise(resolved);
  const { summary } = await writeReports(runDir, meta, readResultCells(resolved), { formats: ['html'], htmlPath: path, htmlBaseline: options.baseline, pairwise });
  return { path, summary };
}

/** Options of `reportRun`. */
export interface ReportRunOptions {
  /** A baseline run directory or results.json to compare with. @default none */
  baseline?: string;
  /** Where to write the page. @default as `writeHtmlReport` */
  outputPath?: string;
  /** Significance level of the comparison. @default 0.05 */
  alpha?: number;
  /** Tolerated pass-rate drop of the comparison, 0..1. @default 0 */
  maxDrop?: number;
  /** Hears that a stale lock of the run directory was taken over. */
  onWarning?: (message: string) => void;
}

/**
 * Writes a run's report.html, with the baseline view when a baseline is given; the `report` command. A run
 * directory is locked meanwhile, like a run, rescore or merge of it: a second writer is a `CheckpointError`
 * (exit 2) naming the holder, and a page is never drawn from a run still writing its results.
 */
export async function reportRun(runPath: string, options: ReportRunOptions = {}): Promise<{ path: string; comparison: CompareReport | null }> {
  const lock = lockIfDirectory(runPath, options.onWarning);
  try {
    if (!options.baseline) return { path: (await writeHtmlReport(runPath, { outputPath: options.outputPath })).path, comparison: null };
    const compared = await compareRuns(options.baseline, runPath, { alpha: options.alpha, maxDrop: options.maxDrop, html: options.outputPath ?? true });
    return { path: compared.htmlPath!, comparison: compared.report };
  } finally {
    lock?.release();
  }
}

/** The lock of `path` when it is a directory; a results.json file or a missing path is left to the reader's errors. */
function lockIfDirectory(path: string, onWarning?: (message: string) => void): RunLock | null {
  const isDirectory = statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
  return isDirectory ? acquireRunLock(path, { create: false, onStale: onWarning }) : null;
}
