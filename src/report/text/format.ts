/**
 * The one number format of everything a person reads: summary.md, the terminal's summary table and progress line,
 * `compare` and the CLI's messages. Tokens and counts carry thousands separators, costs keep enough significant
 * digits to be non-zero, "-" stands for unknown (no pricing), and counted nouns agree with their number.
 */
import type { Interval } from '../../stats/index.js';

/** A rate as a percentage with one decimal (`90.0%`), or `-` when unknown. */
export function formatPercent(rate: number | null): string {
  return rate === null ? '-' : `${(rate * 100).toFixed(1)}%`;
}

/** An interval as `69.9–97.2%`, or `-` when unknown. */
export function formatIntervalPercent(interval: Interval | null): string {
  if (interval === null) return '-';
  return `${(interval.low * 100).toFixed(1)}–${(interval.high * 100).toFixed(1)}%`;
}

/** A score in 0..1 with three decimals, or `-`. */
export function formatScore(score: number | null): string {
  return score === null ? '-' : score.toFixed(3);
}

/** An interval of scores as `0.712–0.901`, or `-`. */
export function formatScoreInterval(interval: Interval | null): string {
  return interval === null ? '-' : `${interval.low.toFixed(3)}–${interval.high.toFixed(3)}`;
}

/** Milliseconds rounded to whole numbers, or `-`. */
export function formatMs(ms: number | null): string {
  return ms === null ? '-' : String(Math.round(ms));
}

/**
 * A USD estimate: `-` without pricing, `$0` for nothing spent, four decimals from a cent up (thousands separated),
 * and two significant digits below a cent, so $0.000048 reads as such and never as `$0.0000`.
 */
export function formatCost(cost: number | null): string {
  if (cost === null) return '-';
  if (cost === 0) return '$0';
  if (cost >= 0.01) {
    const [whole, decimals] = cost.toFixed(4).split('.') as [string, string];
    return `$${formatCount(Number(whole))}.${decimals}`;
  }
  return `$${Number(cost.toPrecision(2)).toFixed(Math.max(2, 1 - Math.floor(Math.log10(cost))))}`;
}

/** An integer with thousands separators that do not depend on the locale (`12,345`). */
export function formatCount(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A count with its noun in the right number: `1 cell`, `2 cells`, `1,200 cells`; `plural` for irregular nouns. */
export function plural(count: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${formatCount(count)} ${count === 1 ? noun : pluralNoun}`;
}

/**
 * The first `maxChars` code points of `text`, with `…` when cut. Counting code points keeps emoji whole; the
 * slice is taken before spreading so a huge output is not split into an array of characters.
 */
export function truncate(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const points = [...text.slice(0, maxChars * 2)];
  if (points.length <= maxChars && text.length <= maxChars * 2) return text;
  return `${points.slice(0, maxChars).join('')}…`;
}
