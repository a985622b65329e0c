/** Verdict rules: when a difference counts as a regression or an improvement. */
import type { CompareReport, GroupComparison, Verdict } from './compare-report.js';
import { formatP, formatPoints } from './format.js';
import { holmAdjust } from '../stats/index.js';

/** Slack for comparing a drop with `maxDrop`: pass-rate arithmetic is exact only up to float rounding. */
const EPSILON = 1e-9;

/**
 * Sets `verdict` and `reason` of the overall group (on its own p-value) and of each model (on Holm-adjusted
 * p-values across the models that have scored pairs, so testing many models does not multiply false alarms).
 */
export function decideVerdicts(
  overall: GroupComparison,
  models: GroupComparison[],
  alpha: number,
  maxDrop: number,
): void {
  const tested = models.filter((group) => group.scored > 0);
  const adjusted = holmAdjust(tested.map((group) => group.test.pValue));
  tested.forEach((group, i) => (group.test.pAdjusted = adjusted[i]));
  for (const group of [overall, ...models]) decideVerdict(group, alpha, maxDrop);
}

/**
 * `regression` when the paired test is significant at `alpha`, the head pass rate is lower and the drop
 * exceeds `maxDrop`; `improvement` when significant and higher; `no-change` otherwise.
 */
export function decideVerdict(group: GroupComparison, alpha: number, maxDrop: number): void {
  const p = group.test.pAdjusted;
  const delta = group.passRate.delta;
  const shown = `${formatPoints(delta)} points, p = ${formatP(p)}`;
  if (group.scored === 0 || delta === null) {
    group.verdict = 'no-change';
    group.reason = 'no cells were scored on both sides';
  } else if (!(p < alpha) || delta === 0) {
    group.verdict = 'no-change';
    group.reason = `no significant change in pass rate (${shown}, alpha ${alpha})`;
  } else if (delta > 0) {
    group.verdict = 'improvement';
    group.reason = `pass rate rose significantly (${shown})`;
  } else if (-delta > maxDrop + EPSILON) {
    group.verdict = 'regression';
    group.reason = `pass rate fell significantly (${shown})`;
  } else {
    group.verdict = 'no-change';
    group.reason = `pass rate fell (${shown}) but within the tolerated ${(maxDrop * 100).toFixed(1)} points`;
  }
}

/** The worst verdict of a set: any regression wins, then any improvement. */
export function worstVerdict(verdicts: Iterable<Verdict>): Verdict {
  let result: Verdict = 'no-change';
  for (const verdict of verdicts) {
    if (verdict === 'regression') return 'regression';
    if (verdict === 'improvement') result = 'improvement';
  }
  return result;
}
