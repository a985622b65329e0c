/**
 * What `run`, `merge` and `rescore` print when a run directory is done, so the three read alike and `--quiet`
 * means one thing: the title, summary table and spend line always (that is "the final summary"), then, unless quiet, the first
 * failing cells with their first failed reason (as summary.md lists them) and where the reports are.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describeSpend, formatCount, renderSummaryTable, type FailureEntry, type FailureSample, type RunSummary } from '../report/index.js';

/** What the end of a run directory's command shows. */
export interface RunSummaryOutput {
  /** The first line, e.g. `capitals: results/capitals/2026-…` or `merged 4 shards into out/`. */
  title: string;
  runDir: string;
  summary: RunSummary;
  failures: FailureSample;
  color: boolean;
  isQuiet: boolean;
}

/** Longest failure line, in characters; summary.md has the whole reason. */
const LINE_CHARS = 200;

/** The report files a reader opens next, when they exist. */
const REPORT_FILES = [
  ['summary', 'summary.md'],
  // The HTML page (#13); absent with --no-html, so it is listed only when the file is there.
  ['report', 'report.html'],
] as const;

/** The lines, each ending in a newline. */
export function renderRunSummary(output: RunSummaryOutput): string {
  const lines = [`${output.title}`, renderSummaryTable(output.summary, { color: output.color }).trimEnd()];
  // What was spent (the progress line's last total), answers and grading apart; part of the final summary.
  const spend = describeSpend(output.summary);
  if (spend !== null) lines.push(spend);
  if (!output.isQuiet) {
    const { entries, groups } = output.failures;
    if (entries.length > 0) {
      const shown = entries.length < groups ? `first ${entries.length} of ${formatCount(groups)}` : `${groups}`;
      lines.push('', `failing cells (${shown}):`, ...entries.map(failureLine));
    }
    const files = REPORT_FILES.filter(([, name]) => existsSync(join(output.runDir, name)));
    if (files.length > 0) lines.push('', ...files.map(([label, name]) => `${label}: ${join(output.runDir, name)}`));
  }
  return `${lines.join('\n')}\n`;
}

/** `  <id>  <model>  <type>: <reason>`, one line. */
function failureLine(entry: FailureEntry): string {
  const first = entry.reasons[0];
  const why = first ? `${first.type}: ${first.reason}` : entry.error ? `error ${entry.error.code}: ${entry.error.message}` : 'failed';
  const repeats = entry.total > 1 ? ` (${entry.failed}/${entry.total} repeats)` : '';
  const line = `  ${entry.id}  ${entry.model}${repeats}  ${why.replace(/\s+/g, ' ')}`;
  return line.length > LINE_CHARS ? `${line.slice(0, LINE_CHARS - 1)}…` : line;
}
