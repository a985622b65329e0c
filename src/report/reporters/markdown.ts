/**
 * summary.md: a report meant to be pasted into a CI job summary ($GITHUB_STEP_SUMMARY) or a pull request.
 * Totals, a per-model table with 95% intervals, metric means, repeat consistency, and the first failing or
 * errored cells with their failed assertions and a preview of the output. Only the shown cells are kept.
 */
import type { CellRecord, RunMeta } from '../../run/index.js';
import {
  formatCost,
  formatCount,
  formatIntervalPercent,
  formatMs,
  formatPercent,
  formatScore,
  formatScoreInterval,
  plural,
} from '../text/format.js';
import { FailureList, type FailureEntry } from '../summary/failure-list.js';
import { describeSpend } from '../summary/spend.js';
import { codeBlock, codeSpan, escapeInline, table } from '../text/markdown.js';
import { describeEndpoint } from '../../wire/index.js';
import { PAIR_HEADER, pairRows, RANKING_HEADER, rankingRows } from '../summary/pairwise-text.js';
import type { Reporter, ReportChunk, ReportEnding, RunSummary } from '../types.js';

/** Settings of summary.md, resolved. */
export interface MarkdownSettings {
  maxFailuresShown: number;
  outputPreviewChars: number;
}

/** Renders summary.md. */
export function renderSummaryMarkdown(meta: RunMeta, settings: MarkdownSettings): Reporter {
  const failures = new FailureList(settings.maxFailuresShown, settings.outputPreviewChars);
  return {
    cell(record: CellRecord): ReportChunk {
      failures.add(record);
      return {};
    },
    end(summary: RunSummary): ReportEnding {
      const sections = [
        heading(meta, summary),
        modelTable(summary),
        metricTable(summary),
        repeatTable(summary),
        pairwiseSection(summary),
        failureSection(failures),
      ];
      return { before: `${sections.filter((section) => section !== '').join('\n\n')}\n`, withSpool: false, after: '' };
    },
  };
}

function heading(meta: RunMeta, summary: RunSummary): string {
  const scored = summary.passed + summary.failed;
  const facts = [
    `**${formatCount(summary.passed)} of ${formatCount(scored)} scored cells passed (${formatPercent(summary.passRate)})**`,
    `${formatCount(summary.failed)} failed`,
    `${formatCount(summary.errored)} errored`,
    `${formatCount(summary.cells)} cells`,
    plural(summary.models.length, 'model'),
  ];
  // `shard.index` is already 1-based (run.json records `--shard i/n` as given).
  if (meta.shard) facts.push(`shard ${meta.shard.index}/${meta.shard.count}`);
  if (summary.cost !== null) facts.push(`cost ${formatCost(summary.cost)}`);
  const spend = describeSpend(summary);
  const about = `suite ${codeSpan(meta.suite.path)} · plan ${codeSpan(meta.planHash.slice(0, 12))} · endpoint ${escapeInline(describeEndpoint(summary.endpoint))} · started ${escapeInline(meta.startedAt)}`;
  const unfinished = summary.complete
    ? ''
    : `\n\n> **⚠️ Incomplete run:** ${formatCount(summary.missingCells)} of ${formatCount(meta.cells)} cells have no record (the run was interrupted, stopped or killed); resume it with ${codeSpan(`onetoken-eval run ${meta.suite.path} --resume <this run directory>`)} before trusting or comparing these numbers`;
  const spent = spend === null ? '' : `\n\n${escapeInline(spend.charAt(0).toUpperCase() + spend.slice(1))}`;
  return `# ${escapeInline(meta.suite.name)}: eval results${summary.complete ? '' : ' (incomplete)'}\n\n${facts.join(' · ')}${spent}\n\n${about}${unfinished}`;
}

function modelTable(summary: RunSummary): string {
  if (summary.models.length === 0) return '';
  const header = ['Model', 'Pass rate', '95% CI', 'Mean score', '95% CI', 'Errors', 'p50 ms', 'p95 ms', 'Tokens', 'Cost'];
  const rows = summary.models.map((model) => [
    `${escapeInline(model.model)} (${codeSpan(model.modelId)})`,
    `${formatCount(model.passed)}/${formatCount(model.passed + model.failed)} · ${formatPercent(model.passRate)}`,
    formatIntervalPercent(model.passRateInterval),
    formatScore(model.meanScore),
    formatScoreInterval(model.meanScoreInterval),
    formatCount(model.errored),
    formatMs(model.latencyP50Ms),
    formatMs(model.latencyP95Ms),
    formatCount(model.totalTokens),
    formatCost(model.cost),
  ]);
  return `## Models\n\n${table(header, rows, ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'])}`;
}

function metricTable(summary: RunSummary): string {
  const names = Object.keys(summary.metrics);
  if (names.length === 0) return '';
  const header = ['Metric', 'All', ...summary.models.map((model) => escapeInline(model.model))];
  const rows = names.map((name) => [
    escapeInline(name),
    formatScore(summary.metrics[name]),
    ...summary.models.map((model) => formatScore(model.metrics[name] ?? null)),
  ]);
  return `## Metrics (mean score)\n\n${table(header, rows, ['l', ...header.slice(1).map(() => 'r' as const)])}`;
}

function repeatTable(summary: RunSummary): string {
  if (summary.repeatGroups === 0) return '';
  const rows = summary.models.map((model) => [
    escapeInline(model.model),
    formatCount(model.repeats?.groups ?? 0),
    formatPercent(model.repeats?.meanPassAtK ?? null),
    formatPercent(model.repeats?.meanPassHatK ?? null),
  ]);
  const note = 'Per (prompt, case) over its scored repeats, k = n: pass@k = some repeat passed, pass^k = every repeat passed.';
  return `## Repeats\n\n${note}\n\n${table(['Model', 'Groups', 'pass@k', 'pass^k'], rows, ['l', 'r', 'r', 'r'])}`;
}

function failureSection(failures: FailureList): string {
  const failing = failures.failingCells;
  if (failing === 0) return '## Failing cells\n\nNone: every scored cell passed and no cell errored.';
  const shown = failures.entries();
  const groups = failures.failingGroups;
  // Repeats of one case are folded into one entry, so the count says how many entries there are of how many cells.
  const of = groups === failing ? '' : ` in ${plural(groups, 'case')}`;
  const count = shown.length < groups ? `${shown.length} of ${formatCount(groups)} shown` : `${formatCount(groups)}`;
  const heading = groups === failing ? `## Failing cells (${count})` : `## Failing cells (${count}; ${plural(failing, 'cell')}${of})`;
  const entries = shown.map((failure, position) => failureEntry(failure, position + 1));
  return [heading, ...entries].join('\n\n');
}

function failureEntry(failure: FailureEntry, position: number): string {
  const facts = [`model ${escapeInline(failure.model)} (${codeSpan(failure.modelId)})`];
  if (failure.total > 1) facts.push(`${failure.failed}/${failure.total} repeats failed`);
  facts.push(failure.error && failure.reasons.length === 0 ? 'errored' : `score ${formatScore(failure.score)}`);
  const lines = [`### ${position}. ${codeSpan(failure.id)}`, '', facts.join(' · '), ''];
  if (failure.error) lines.push(`- error ${codeSpan(failure.error.code)}: ${escapeInline(failure.error.message)}`);
  for (const { type, reason } of failure.reasons) lines.push(`- ${codeSpan(type)}: ${escapeInline(reason)}`);
  if (failure.preview !== null) lines.push('', 'Output:', '', codeBlock(failure.preview));
  return lines.join('\n').replace(/\n+$/, '');
}

function pairwiseSection(summary: RunSummary): string {
  const pairwise = summary.pairwise;
  if (!pairwise) return '';
  const intro = `Rubric: ${escapeInline(pairwise.rubric)}\n\n${pairwise.judgments} judgments (${pairwise.errored} errored); each row was judged twice with the answers swapped, and disagreeing verdicts count as ties. Win rate counts ties as half.`;
  const pairs = table(PAIR_HEADER, pairRows(pairwise, escapeInline), ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r']);
  const ranking = pairwise.ranking ? `\n\n### Ranking (Bradley–Terry, 95% bootstrap intervals)\n\n${table(RANKING_HEADER, rankingRows(pairwise, escapeInline), ['r', 'l', 'r', 'r'])}` : '';
  return `## Pairwise\n\n${intro}\n\n${pairs}${ranking}`;
}
