/**
 * Validation warnings of loaded suites (a prompt rendering to an empty string): printed as one
 * `warning: file:line:col: path: message` line each, or with `--strict` refused like errors (exit 2).
 */
import { formatIssue, SuiteError } from '../errors.js';
import type { Suite } from '../suite/index.js';

/** Prints or (strict) throws the suites' warnings. */
export function handleSuiteWarnings(suites: readonly Suite[], isStrict: boolean, say: (line: string) => void): void {
  const warnings = suites.flatMap((suite) => suite.warnings);
  if (warnings.length === 0) return;
  if (isStrict) throw new SuiteError(warnings);
  for (const warning of warnings) say(`warning: ${formatIssue(warning)}`);
}
