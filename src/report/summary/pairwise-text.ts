/**
 * The pairwise section as rows, shared by summary.md and the terminal: one row per judged pair, and one per
 * ranked model when there is a ranking.
 */
import { formatIntervalPercent, formatPercent, formatScore, formatScoreInterval } from '../text/format.js';
import type { PairwiseSummary } from '../results-schema.js';

/** Headers of the pair table. */
export const PAIR_HEADER = ['Pair', 'Wins', 'Ties', 'Losses', 'Errors', 'Win rate', '95% CI', 'Sign test p'];
/** Headers of the ranking table. */
export const RANKING_HEADER = ['Rank', 'Model', 'Strength', '95% CI'];

/** One row per pair, from the first model's side. */
export function pairRows(pairwise: PairwiseSummary, name: (model: string) => string = (model) => model): string[][] {
  return pairwise.pairs.map((pair) => [
    `${name(pair.modelA)} vs ${name(pair.modelB)}`,
    String(pair.wins),
    String(pair.ties),
    String(pair.losses),
    String(pair.errored),
    formatPercent(pair.winRate),
    formatIntervalPercent(pair.winRateInterval),
    pair.pValue.toFixed(3),
  ]);
}

/** One row per ranked model; empty without a ranking. */
export function rankingRows(pairwise: PairwiseSummary, name: (model: string) => string = (model) => model): string[][] {
  return (pairwise.ranking ?? []).map((entry) => [String(entry.rank), name(entry.model), formatScore(entry.strength), formatScoreInterval(entry.strengthInterval)]);
}

/** The pairwise section for a terminal: aligned plain-text columns. */
export function renderPairwiseText(pairwise: PairwiseSummary): string {
  const lines = [`pairwise judging (${pairwise.judgments} judgments, ${pairwise.errored} errored; each row judged twice with the answers swapped)`];
  lines.push(...alignColumns([PAIR_HEADER, ...pairRows(pairwise)]));
  if (pairwise.ranking) lines.push('', 'Bradley–Terry ranking (95% bootstrap intervals)', ...alignColumns([RANKING_HEADER, ...rankingRows(pairwise)]));
  return lines.join('\n');
}

/** Pads columns to their widest cell: the first column left-aligned, the others right-aligned. */
function alignColumns(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => Array.from(row[column] ?? '').length)));
  return rows.map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ').trimEnd());
}
