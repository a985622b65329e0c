/** The report options of `runSuite`, `mergeRuns` and `rescoreRun`: JUnit when a path is given, report.html unless turned off. */
import { DEFAULT_FORMATS, type ReportOptions } from '../report/index.js';

/** Maps the shared report settings to `writeReports` options. */
export function reportOptionsOf(settings: { junitPath?: string; html?: boolean }): ReportOptions {
  if (settings.html !== false) return { junitPath: settings.junitPath };
  const formats = DEFAULT_FORMATS.filter((format) => format !== 'html');
  return { junitPath: settings.junitPath, formats: settings.junitPath === undefined ? formats : [...formats, 'junit'] };
}
