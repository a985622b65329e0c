/** `onetoken-eval validate <suite...>`: every problem of every suite at once, exit 2 when any. */
import { ExitCode } from '../../errors.js';
import { loadSuites } from '../../suite/index.js';
import { suiteOptionsOf, type OptionValues } from '../options.js';

/** Validates suites; prints one line per suite when valid. */
export async function validateCommand(paths: string[], options: OptionValues): Promise<number> {
  const suites = loadSuites(paths, suiteOptionsOf(options));
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ valid: true, suites: suites.map((s) => ({ path: s.path, name: s.name, models: s.models.length, prompts: s.prompts.length, cases: s.cases.length, hash: s.hash })) }, null, 2)}\n`);
  } else {
    for (const suite of suites) {
      process.stdout.write(`${suite.path}: valid (${suite.models.length} models, ${suite.prompts.length} prompts, ${suite.cases.length} cases)\n`);
    }
  }
  return ExitCode.ok;
}
