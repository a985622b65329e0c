/** Defaults and checks of `ReportOptions`, applied once at the door of `writeReports`. */
import { join, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import type { PageBaseline } from './html/page-data.js';
import { DEFAULT_HTML_MAX_OUTPUT_CHARS } from './html/page-text.js';
import type { PairwiseInput } from './summary/pairwise.js';
import type { ReportFormat, ReportOptions } from './types.js';

/** Every report format, in the order files are written. */
export const REPORT_FORMATS: readonly ReportFormat[] = ['json', 'csv', 'comparison', 'markdown', 'html', 'junit'];

/** Formats written when none are named; JUnit joins them when a path is given. */
export const DEFAULT_FORMATS: readonly ReportFormat[] = ['json', 'csv', 'comparison', 'markdown', 'html'];

/** Default of `maxFailuresShown`. */
export const DEFAULT_MAX_FAILURES_SHOWN = 20;
/** Default of `outputPreviewChars`. */
export const DEFAULT_OUTPUT_PREVIEW_CHARS = 200;

/** `ReportOptions` with every default applied. */
export interface ResolvedReportOptions {
  /** Distinct formats in `REPORT_FORMATS` order. */
  formats: ReportFormat[];
  /** Absolute path of junit.xml. */
  junitPath: string;
  maxFailuresShown: number;
  outputPreviewChars: number;
  /** Absolute path of report.html. */
  htmlPath: string;
  htmlMaxOutputChars: number;
  htmlBaseline: PageBaseline | null;
  /** The run's pairwise judgments and their set-up; null without pairwise judging. */
  pairwise: PairwiseInput | null;
}

/** Applies the defaults and rejects unknown formats or negative counts with a `UsageError`. */
export function resolveReportOptions(runDir: string, options: ReportOptions = {}): ResolvedReportOptions {
  const requested = options.formats ?? [...DEFAULT_FORMATS, ...(options.junitPath === undefined ? [] : ['junit' as const])];
  for (const format of requested) {
    if (!REPORT_FORMATS.includes(format)) {
      throw new UsageError(`report format: expected one of ${REPORT_FORMATS.join(', ')}, got "${String(format)}"`);
    }
  }
  return {
    formats: REPORT_FORMATS.filter((format) => requested.includes(format)),
    junitPath: resolve(options.junitPath ?? join(runDir, 'junit.xml')),
    maxFailuresShown: count('maxFailuresShown', options.maxFailuresShown, DEFAULT_MAX_FAILURES_SHOWN),
    outputPreviewChars: count('outputPreviewChars', options.outputPreviewChars, DEFAULT_OUTPUT_PREVIEW_CHARS),
    htmlPath: resolve(options.htmlPath ?? join(runDir, 'report.html')),
    htmlMaxOutputChars: count('htmlMaxOutputChars', options.htmlMaxOutputChars, DEFAULT_HTML_MAX_OUTPUT_CHARS),
    htmlBaseline: options.htmlBaseline ?? null,
    pairwise: options.pairwise ?? null,
  };
}

function count(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 0) throw new UsageError(`${name}: expected a whole number >= 0, got ${value}`);
  return value;
}
