/** The one-sentence headline of a comparison, shared by the Markdown and text renderers. */
import type { CompareReport, GroupComparison, ProviderDrift, Verdict } from './compare-report.js';
import { formatPercent } from './format.js';
import { describeEndpoint } from '../wire/index.js';

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
export function summarize(report: CompareReport, arrow = '->'): string {
  const deciding = decidingGroups(report);
  return deciding.map((group) => `${groupName(group)}: ${passLine(group, arrow)}, ${group.reason}`).join('; ');
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
export function passLine(group: GroupComparison, arrow = '->'): string {
  return `${formatPercent(group.passRate.base)} ${arrow} ${formatPercent(group.passRate.head)}`;
}

/** The parts of a drift that changed: `fingerprint fp_1 -> fp_2; served model a -> b`. */
export function describeDrift(drift: ProviderDrift, arrow = '->'): string {
  const parts: string[] = [];
  const list = (values: string[]) => (values.length === 0 ? '(none)' : values.join(', '));
  const { fingerprints, servedModels } = drift;
  if (list(fingerprints.base) !== list(fingerprints.head)) {
    parts.push(`fingerprint ${list(fingerprints.base)} ${arrow} ${list(fingerprints.head)}`);
  }
  if (list(servedModels.base) !== list(servedModels.head)) {
    parts.push(`served model ${list(servedModels.base)} ${arrow} ${list(servedModels.head)}`);
  }
  return parts.join('; ');
}

/** `endpoint: mock (built-in mock server)`, or both sides when they differ. */
export function endpointLine(report: CompareReport): string {
  const base = describeEndpoint(report.base.endpoint);
  const head = describeEndpoint(report.head.endpoint);
  return base === head ? `endpoint: ${base}` : `endpoint: base ${base}, head ${head}`;
}
