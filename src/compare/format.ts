/**
 * Number formatting of the comparison: points, p-values and latencies are its own; rates, costs and counts come
 * from the reports' one number format, so `compare` reads like summary.md and the terminal.
 */
import type { Interval } from '../stats/index.js';

export { formatCost, formatCount, formatPercent } from '../report/index.js';

/** A difference of rates in points with its sign: `0.125` -> `+12.5`, `-0.02` -> `-2.0`; `-` for null. */
export function formatPoints(value: number | null): string {
  if (value === null) return '-';
  const points = value * 100;
  const text = Math.abs(points).toFixed(1);
  if (text === '0.0') return '0.0';
  return `${points > 0 ? '+' : '-'}${text}`;
}

/** An interval of differences in points: `[-4.1, +2.0]`; empty for null. */
export function formatPointsInterval(interval: Interval | null): string {
  return interval === null ? '' : `[${formatPoints(interval.low)}, ${formatPoints(interval.high)}]`;
}

/** A p-value with 2 significant digits, `<0.0001` below that, `1` at 1. */
export function formatP(value: number): string {
  if (value >= 1) return '1';
  if (value < 0.0001) return '<0.0001';
  return value.toPrecision(2).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
}

/** Milliseconds rounded to whole: `1234.5` -> `1235 ms`; `-` for null. */
export function formatMs(value: number | null): string {
  return value === null ? '-' : `${Math.round(value)} ms`;
}
