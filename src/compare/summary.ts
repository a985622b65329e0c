/** The one-sentence headline of a comparison, shared by the Markdown and text renderers. */
import type { CompareReport, GroupComparison, Verdict } from './compare-report.js';
import { formatPercent } from './format.js';

/** Headline words of each verdict. */
export const VERDICT_TITLE: Record<Verdict, string> = {
  regression: 'Regression',
  improvement: 'Improvement',
  'no-change': 'No significant change',
};

/**
 * What decided the verdict: the groups that carry it (models first, overall when no single model does) with
 * their pass rates and reasons, e.g. `gpt-4o: 90.0% -> 72.0%, pass rate fell significantly (-18.0 points, p = 0.002)`.
 */
export function summarize(report: CompareReport): string {
  const deciding = decidingGroups(report);
  return deciding.map((group) => `${groupName(group)}: ${passLine(group)}, ${group.reason}`).join('; ');
}

/** The groups whose verdict equals the report's (just the overall group when none or all agree). */
export function decidingGroups(report: CompareReport): GroupComparison[] {
  if (report.verdict === 'no-change') return [report.overall];
  const models = report.models.filter((group) => group.verdict === report.verdict);
  return models.length > 0 ? models : [report.overall];
}

/** `gpt-4o` for a model group, `overall` for the pooled one. */
export function groupName(group: GroupComparison): string {
  return group.model ?? 'overall';
}

/** `90.0% -> 72.0%`. */
export function passLine(group: GroupComparison): string {
  return `${formatPercent(group.passRate.base)} -> ${formatPercent(group.passRate.head)}`;
}
