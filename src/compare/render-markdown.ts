/**
 * The compare report as Markdown for a pull-request comment or a CI job summary: the verdict line first, then
 * the per-model table, usage and provider drift, flips, errored cells and cells present on one side only.
 */
import type { CompareReport, GroupComparison } from './compare-report.js';
import {
  formatCost,
  formatCount,
  formatMs,
  formatP,
  formatPercent,
  formatPoints,
  formatPointsInterval,
} from './format.js';
import { describeDrift, endpointLine, groupName, summarize, VERDICT_TITLE } from './summary.js';
import { describeCoverage } from './gate.js';

/** Options of `renderCompareMarkdown`. */
export interface MarkdownOptions {
  /** Flips listed per direction before the rest are counted. @default 25 */
  maxFlips?: number;
  /** Errored cells listed before the rest are counted. @default 25 */
  maxErrored?: number;
}

const ICON = { regression: '❌', improvement: '✅', 'no-change': '➖' } as const;

/** Renders the report as GitHub-flavoured Markdown ending in a newline. */
export function renderCompareMarkdown(report: CompareReport, options: MarkdownOptions = {}): string {
  const maxFlips = options.maxFlips ?? 25;
  const maxErrored = options.maxErrored ?? 25;
  const lines: string[] = [];
  lines.push(`**${ICON[report.verdict]} ${VERDICT_TITLE[report.verdict]}** — ${escape(summarize(report, '→'))}`);
  lines.push('');
  lines.push(
    `Base ${code(report.base.suite)} (${report.base.cells} cells, ${report.base.startedAt}) vs head ` +
      `${code(report.head.suite)} (${report.head.cells} cells, ${report.head.startedAt}); ` +
      `alpha ${report.options.alpha}, max drop ${(report.options.maxDrop * 100).toFixed(1)} points.`,
  );
  for (const drift of report.drift) lines.push('', `> **⚠️ Drift:** ${escape(drift)}`);
  lines.push('', escape(endpointLine(report)));
  if (report.coverage.isPartial) lines.push('', `> **Partial:** ${escape(describeCoverage(report.coverage))}`);
  for (const note of report.notes) lines.push('', `> **Note:** ${escape(note)}`);
  lines.push('', ...groupTable(report), '', ...usageTable(report));
  lines.push(...flipSection(report, 'pass-to-fail', maxFlips), ...flipSection(report, 'fail-to-pass', maxFlips));
  lines.push(...erroredSection(report, maxErrored), ...unmatchedSection(report));
  return `${lines.join('\n')}\n`;
}

function groupTable(report: CompareReport): string[] {
  const rows = [
    '| Model | Pairs | Pass base → head | Δ pass [95% CI] | Test | p (Holm) | Score base → head | Δ score [95% CI] | Flips ↓/↑ | Errored base/head | Verdict |',
    '| --- | ---: | --- | --- | --- | ---: | --- | --- | ---: | ---: | --- |',
  ];
  for (const group of [...report.models, report.overall]) {
    const name = group.model === null ? '**all models**' : code(group.model, true);
    const p = group.model === null ? formatP(group.test.pValue) : `${formatP(group.test.pValue)} (${formatP(group.test.pAdjusted)})`;
    rows.push(
      `| ${name} | ${group.scored}/${group.matched} | ${formatPercent(group.passRate.base)} → ${formatPercent(group.passRate.head)} | ` +
        `${formatPoints(group.passRate.delta)} ${formatPointsInterval(group.passRate.interval)} | ${group.test.name} | ${p} | ` +
        `${formatPercent(group.score.base)} → ${formatPercent(group.score.head)} | ` +
        `${formatPoints(group.score.delta)} ${formatPointsInterval(group.score.interval)} | ` +
        `${group.counts.passToFail}/${group.counts.failToPass} | ${group.errored.base}/${group.errored.head} | ${ICON[group.verdict]} ${group.verdict} |`,
    );
  }
  return rows;
}

function usageTable(report: CompareReport): string[] {
  const rows = [
    '| Model | p50 latency | p95 latency | Tokens | Cost | Provider |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const group of report.models) rows.push(usageRow(group));
  return rows;
}

function usageRow(group: GroupComparison): string {
  const { base, head } = group.usage;
  const drift = group.drift;
  const provider = !drift
    ? ''
    : drift.isChanged
      ? `⚠️ drift: ${describeDrift(drift, '→')}`
      : 'same';
  return (
    `| ${code(groupName(group), true)} | ${formatMs(base.p50LatencyMs)} → ${formatMs(head.p50LatencyMs)} | ` +
    `${formatMs(base.p95LatencyMs)} → ${formatMs(head.p95LatencyMs)} | ${formatCount(base.totalTokens)} → ${formatCount(head.totalTokens)} | ` +
    `${formatCost(base.cost)} → ${formatCost(head.cost)} | ${escape(provider)} |`
  );
}

function flipSection(report: CompareReport, direction: 'pass-to-fail' | 'fail-to-pass', max: number): string[] {
  const flips = report.flips.filter((flip) => flip.direction === direction);
  if (flips.length === 0) return [];
  const title = direction === 'pass-to-fail' ? 'Pass → fail' : 'Fail → pass';
  const lines = ['', `### ${title} (${flips.length})`, ''];
  for (const flip of flips.slice(0, max)) {
    const failing = direction === 'pass-to-fail' ? flip.head : flip.base;
    const reasons = failing.failedReasons.length > 0 ? failing.failedReasons.join('; ') : 'no assertion reason';
    lines.push(`- ${code(flip.id)}: ${escape(reasons)}`);
    lines.push(`  diff: ${code(flip.diff)}`);
  }
  if (flips.length > max) lines.push(`- … and ${flips.length - max} more (see the JSON report)`);
  return lines;
}

function erroredSection(report: CompareReport, max: number): string[] {
  if (report.errored.length === 0) return [];
  const lines = ['', `### Errored cells, excluded from the tests (${report.errored.length})`, ''];
  for (const cell of report.errored.slice(0, max)) {
    lines.push(`- ${code(cell.id)}: base ${cell.baseError ?? 'ok'}, head ${cell.headError ?? 'ok'}`);
  }
  if (report.errored.length > max) lines.push(`- … and ${report.errored.length - max} more`);
  return lines;
}

function unmatchedSection(report: CompareReport): string[] {
  if (report.onlyInBase.length === 0 && report.onlyInHead.length === 0) return [];
  const sample = (cells: { id: string }[]) =>
    cells.length === 0 ? '' : ` (e.g. ${cells.slice(0, 3).map((cell) => code(cell.id)).join(', ')})`;
  return [
    '',
    '### Cells on one side only (not compared)',
    '',
    `- only in base: ${report.onlyInBase.length}${sample(report.onlyInBase)}`,
    `- only in head: ${report.onlyInHead.length}${sample(report.onlyInHead)}`,
  ];
}

/** An inline code span that survives backticks in the text (and pipes, inside a table row). */
function code(text: string, isInTable = false): string {
  const flat = text.replace(/\r?\n/g, ' ');
  const safe = isInTable ? flat.replace(/\|/g, '\\|') : flat;
  if (!safe.includes('`')) return `\`${safe}\``;
  return `\`\` ${safe} \`\``;
}

/** Escapes characters that would break a table row or start Markdown formatting. */
function escape(text: string): string {
  return text.replace(/([\\`*|<[\]])/g, '\\$1').replace(/\r?\n/g, ' ');
}
