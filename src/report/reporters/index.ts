/**
 * The reporter table: each format name maps to its file and to the factory of its pure renderer, like Vitest's
 * `reporters/index.ts`. Adding a format is one file here plus one line in this table.
 */
import type { RunMeta } from '../../run/index.js';
import type { ResolvedReportOptions } from '../options.js';
import type { ReportFormat, Reporter } from '../types.js';
import { renderComparisonCsv } from './comparison.js';
import { renderHtmlReport } from './html.js';
import { renderResultsCsv } from './csv.js';
import { renderResultsJson } from './json.js';
import { renderJunit } from './junit.js';
import { renderSummaryMarkdown } from './markdown.js';

/** A reporter's entry: where its file goes and how to make a fresh renderer for one run. */
export interface ReporterEntry {
  /** File name in the run directory; JUnit's and HTML's paths come from the options instead. */
  fileName: string;
  create(meta: RunMeta, options: ResolvedReportOptions): Reporter;
}

/** Format name -> reporter. */
export const reporters: Record<ReportFormat, ReporterEntry> = {
  json: { fileName: 'results.json', create: (meta, options) => renderResultsJson(meta, options.pairwise?.judgments ?? []) },
  csv: { fileName: 'results.csv', create: () => renderResultsCsv() },
  comparison: { fileName: 'comparison.csv', create: (meta) => renderComparisonCsv(meta) },
  markdown: { fileName: 'summary.md', create: (meta, options) => renderSummaryMarkdown(meta, options) },
  html: { fileName: 'report.html', create: (meta, options) => renderHtmlReport(meta, options) },
  junit: { fileName: 'junit.xml', create: (meta) => renderJunit(meta) },
};
