/**
 * The one impure step of reporting: a single pass over the cells, in plan order, feeding the summary builder
 * and every reporter, with each file written through a stream that waits for 'drain'. Memory is bounded by the
 * models and one (prompt, case) block, not by the number of cells (bench/report.mjs checks it).
 */
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { CellRecord, RunMeta } from '../run/index.js';
import { ReportFile } from './file-sink.js';
import { resolveReportOptions } from './options.js';
import { reporters } from './reporters/index.js';
import { summarizePairwise } from './summary/pairwise.js';
import { FailureList, type FailureEntry } from './summary/failure-list.js';
import { SummaryBuilder } from './summary/summarize.js';
import type { Reporter, ReportFormat, ReportOptions, RunSummary } from './types.js';

interface Output {
  reporter: Reporter;
  file: ReportFile;
}

/** What `writeReports` resolves with. */
export interface WrittenReports {
  summary: RunSummary;
  /** The text of summary.md (bounded: a capped list of failures), or null when it was not written. */
  markdown: string | null;
  /** The first failing cells (repeats of a case folded), for a terminal to show without reading summary.md. */
  failures: FailureSample;
}

/** The first few failure entries and how many there were in all. */
export interface FailureSample {
  entries: FailureEntry[];
  /** Failing or errored cells in all. */
  cells: number;
  /** Entries in all (a case's failing repeats are one). */
  groups: number;
}

/** Failure entries kept for the terminal; summary.md keeps its own (configurable) number. */
const FAILURES_KEPT = 5;

/**
 * Writes results.json, results.csv, comparison.csv, summary.md and report.html into `runDir` (and junit.xml when asked) from
 * `records` given in plan order, and resolves with the run's summary. Files appear only once all are complete.
 */
export async function writeReports(
  runDir: string,
  meta: RunMeta,
  records: AsyncIterable<CellRecord>,
  options: ReportOptions = {},
): Promise<WrittenReports> {
  const resolved = resolveReportOptions(runDir, options);
  await mkdir(runDir, { recursive: true });
  if (resolved.formats.includes('junit')) await mkdir(dirname(resolved.junitPath), { recursive: true });
  if (resolved.formats.includes('html')) await mkdir(dirname(resolved.htmlPath), { recursive: true });
  const pathOf = (format: ReportFormat) =>
    format === 'junit' ? resolved.junitPath : format === 'html' ? resolved.htmlPath : join(runDir, reporters[format].fileName);
  const outputs: Output[] = resolved.formats.map((format) => ({
    reporter: reporters[format].create(meta, resolved),
    file: new ReportFile(pathOf(format)),
  }));
  const builder = new SummaryBuilder(meta);
  const failures = new FailureList(FAILURES_KEPT, 0);
  // summary.md is kept as it is written, so callers (the step summary) never read back what was just written.
  const markdownIndex = resolved.formats.indexOf('markdown');
  let markdown: string | null = markdownIndex === -1 ? null : '';
  if (markdown !== null) outputs[markdownIndex]!.file.onText = (text) => (markdown += text);
  try {
    for (const { reporter, file } of outputs) await file.put(reporter.start?.());
    for await (const record of records) {
      const groups = builder.add(record);
      failures.add(record);
      for (const { reporter, file } of outputs) {
        // `put` returns a promise only when a file must drain; awaiting nothing per cell and file added up.
        if (groups.length > 0) {
          const drained = file.put(reporter.groups?.(groups));
          if (drained) await drained;
        }
        const drained = file.put(reporter.cell(record));
        if (drained) await drained;
      }
    }
    const { summary: totals, groups } = builder.finish();
    const summary: RunSummary = { ...totals, pairwise: resolved.pairwise ? summarizePairwise(resolved.pairwise) : null };
    for (const { reporter, file } of outputs) {
      if (groups.length > 0) await file.put(reporter.groups?.(groups));
      await file.finish(reporter.end(summary));
    }
    for (const { file } of outputs) await file.commit();
    return { summary, markdown, failures: { entries: failures.entries(), cells: failures.failingCells, groups: failures.failingGroups } };
  } catch (error) {
    await Promise.all(outputs.map(({ file }) => file.abort()));
    throw error;
  }
}
