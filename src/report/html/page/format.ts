/**
 * How the page writes numbers: counts and costs through the reports' one number format (report/text/format.ts,
 * pure and bundled into the page), so the page, summary.md, the terminal and `compare` read alike; an em dash
 * stands for unknown, the page's typography.
 */
import { formatCost as sharedCost, formatCount as sharedCount } from '../../text/format.js';

/** 12,345 */
export function formatCount(value: number): string {
  return sharedCount(value);
}

/** A rate in 0..1 as a percentage with one decimal; an em dash when unknown. */
export function formatPercent(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`;
}

/** An interval in 0..1 as `72.1–88.0%`. */
export function formatInterval(interval: { low: number; high: number } | null): string {
  return interval === null ? '—' : `${(interval.low * 100).toFixed(1)}–${(interval.high * 100).toFixed(1)}%`;
}

/** A difference of rates in points, signed: `+4.0 pts`. */
export function formatPoints(delta: number | null): string {
  if (delta === null) return '—';
  const points = delta * 100;
  return `${points > 0 ? '+' : points < 0 ? '−' : '±'}${Math.abs(points).toFixed(1)} pts`;
}

/** A score in 0..1 with two decimals. */
export function formatScore(score: number | null | undefined): string {
  return score === null || score === undefined ? '—' : score.toFixed(2);
}

/** Milliseconds, rounded; seconds above 10 s. */
export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

/** Estimated USD as everywhere else (`$0.000048`, `$1.2345`); an em dash without pricing. */
export function formatCost(cost: number | null | undefined): string {
  return cost === null || cost === undefined ? '—' : sharedCost(cost);
}

/** A p-value, with small ones written as a bound. */
export function formatP(p: number): string {
  return p < 0.0001 ? '< 0.0001' : p.toFixed(4);
}
