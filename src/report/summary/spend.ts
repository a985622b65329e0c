/**
 * The spend line of the terminal summary and summary.md: what the run spent, answers and grading apart, in the
 * one number format. It is the total the progress line ends on and the one `--max-cost` counts: answers and
 * grader calls served from the cache cost nothing. The table's `cost` column is different on purpose: it is
 * what the recorded answers cost, cached or not, so two runs of one suite compare.
 */
import { formatCost, plural } from '../text/format.js';
import type { RunSummary } from '../types.js';

/**
 * `spent $0.0013: answers $0.0011, grading $0.00020`, with what the cache served when it served anything; null when
 * nothing was priced (no `pricing` for any answering or grading model).
 */
export function describeSpend(summary: Pick<RunSummary, 'spend' | 'cached' | 'graders'>): string | null {
  const { spend, graders } = summary;
  if (spend.total === null) return null;
  const fromCache = (count: number) => (count > 0 ? ` (${plural(count, 'cached answer')} free)` : '');
  const parts = [`answers ${formatCost(spend.answers)}${fromCache(summary.cached)}`];
  // Grading is named whenever a grader ran, with "-" when its model has no price, so a missing price shows.
  if (graders.calls > 0) parts.push(`grading ${formatCost(spend.graders)}${graders.cached > 0 ? ` (${plural(graders.cached, 'cached grader call')} free)` : ''}`);
  return `spent ${formatCost(spend.total)}: ${parts.join(', ')}`;
}
