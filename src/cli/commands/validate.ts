/** `onetoken-eval validate <suite...>`: every problem of every suite at once, exit 2 when any. */
import { ExitCode, SuiteError } from '../../errors.js';
import { loadSuites, type Suite } from '../../suite/index.js';
import { handleSuiteWarnings } from '../suite-warnings.js';
import { suiteOptionsOf, type OptionValues } from '../options.js';
import { plural } from '../../report/index.js';

/** Validates suites; prints one line per suite when valid. */
export async function validateCommand(paths: string[], options: OptionValues): Promise<number> {
  let suites: Suite[];
  try {
    suites = loadSuites(paths, suiteOptionsOf(options));
    handleSuiteWarnings(suites, Boolean(options.strict), (line) => process.stderr.write(`onetoken-eval: ${line}\n`));
  } catch (error) {
    // With --json the issues are data on stdout too; stderr still gets the lines and the exit code stays 2.
    if (options.json && error instanceof SuiteError) process.stdout.write(`${JSON.stringify({ valid: false, issues: error.issues }, null, 2)}\n`);
    throw error;
  }
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ valid: true, warnings: suites.flatMap((s) => s.warnings), suites: suites.map((s) => ({ path: s.path, name: s.name, models: s.models.length, prompts: s.prompts.length, cases: s.cases.length, hash: s.hash })) }, null, 2)}\n`);
  } else {
    for (const suite of suites) {
      process.stdout.write(`${suite.path}: valid (${plural(suite.models.length, 'model')}, ${plural(suite.prompts.length, 'prompt')}, ${plural(suite.cases.length, 'case')})\n`);
    }
  }
  return ExitCode.ok;
}
