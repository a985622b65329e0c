/** The compare report as a terminal table: headline, per-model rows, drift warnings and the first flips. */
import type { CompareReport, GroupComparison, Verdict } from './compare-report.js';
import { formatMs, formatP, formatPercent, formatPoints, formatPointsInterval } from './format.js';
import { describeDrift, endpointLine, groupName, summarize, VERDICT_TITLE } from './summary.js';
import { describeCoverage } from './gate.js';

/** Options of `renderCompareText`. */
export interface TextOptions {
  /** Colour the verdicts with ANSI escapes; the CLI decides (TTY, `NO_COLOR`). @default false */
  color?: boolean;
  /** Flips listed before the rest are counted. @default 20 */
  maxFlips?: number;
}

const COLOR: Record<Verdict, string> = { regression: '\u001b[31m', improvement: '\u001b[32m', 'no-change': '\u001b[2m' };
const RESET = '\u001b[0m';

/** Renders the report for a terminal, ending in a newline. */
export function renderCompareText(report: CompareReport, options: TextOptions = {}): string {
  const paint = (verdict: Verdict, text: string) => (options.color ? `${COLOR[verdict]}${text}${RESET}` : text);
  const maxFlips = options.maxFlips ?? 20;
  const lines = [`${paint(report.verdict, VERDICT_TITLE[report.verdict])}: ${summarize(report)}`];
  for (const drift of report.drift) lines.push(`drift: ${drift}`);
  lines.push(endpointLine(report));
  if (report.coverage.isPartial) lines.push(`coverage: ${describeCoverage(report.coverage)}`);
  for (const note of report.notes) lines.push(`note: ${note}`);
  lines.push('');
  const header = ['model', 'pairs', 'pass base -> head', 'delta [95% CI]', 'p', 'score delta', 'flips -/+', 'errored', 'p50/p95 ms base -> head', 'verdict'];
  const rows = [...report.models, report.overall].map((group) => row(group));
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((cells) => cells[i].length)));
  const format = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i])).join('  ').trimEnd();
  lines.push(format(header));
  [...report.models, report.overall].forEach((group, i) => {
    const cells = rows[i];
    const text = format(cells);
    lines.push(text.slice(0, text.length - cells[cells.length - 1].length) + paint(group.verdict, group.verdict));
  });
  for (const group of report.models) {
    if (group.drift?.isChanged) {
      lines.push(`provider drift in ${groupName(group)}: ${describeDrift(group.drift)}`);
    }
  }
  if (report.flips.length > 0) lines.push('', `flips (${report.flips.length}):`);
  for (const flip of report.flips.slice(0, maxFlips)) {
    const arrow = flip.direction === 'pass-to-fail' ? paint('regression', 'pass -> fail') : paint('improvement', 'fail -> pass');
    const reasons = (flip.direction === 'pass-to-fail' ? flip.head : flip.base).failedReasons.join('; ');
    lines.push(`  ${arrow}  ${flip.id}${reasons ? `: ${reasons}` : ''}`, `      ${flip.diff}`);
  }
  if (report.flips.length > maxFlips) lines.push(`  … and ${report.flips.length - maxFlips} more (see the JSON report)`);
  if (report.errored.length > 0) lines.push('', `errored cells excluded from the tests: ${report.errored.length}`);
  if (report.onlyInBase.length > 0 || report.onlyInHead.length > 0) {
    lines.push(`cells on one side only (not compared): base ${report.onlyInBase.length}, head ${report.onlyInHead.length}`);
  }
  return `${lines.join('\n')}\n`;
}

function row(group: GroupComparison): string[] {
  const p = group.model === null ? formatP(group.test.pValue) : formatP(group.test.pAdjusted);
  const { base, head } = group.usage;
  const latency = (usage: typeof head) =>
    `${formatMs(usage.p50LatencyMs).replace(' ms', '')}/${formatMs(usage.p95LatencyMs).replace(' ms', '')}`;
  return [
    groupName(group),
    `${group.scored}/${group.matched}`,
    `${formatPercent(group.passRate.base)} -> ${formatPercent(group.passRate.head)}`,
    `${formatPoints(group.passRate.delta)} ${formatPointsInterval(group.passRate.interval)}`.trim(),
    `${p} ${group.test.name}`,
    formatPoints(group.score.delta),
    `${group.counts.passToFail}/${group.counts.failToPass}`,
    `${group.errored.base}/${group.errored.head}`,
    `${latency(base)} -> ${latency(head)}`,
    group.verdict,
  ];
}
