/** `onetoken-eval rescore <run-dir> [--suite FILE]`: `rescoreRun`, then the summary and what needs a rerun. */
import { rescoreRun } from '../../eval/index.js';
import { plural } from '../../report/index.js';
import { commandEndpoint } from '../mock-endpoint.js';
import { exitCodeOf, passRateShortfall } from '../exit-code.js';
import { suiteOptionsOf, type OptionValues } from '../options.js';
import { renderRunSummary } from '../summary-output.js';
import { isColorStdout } from '../terminal.js';

/** Rescores a run directory in place. */
export async function rescoreCommand(args: string[], options: OptionValues): Promise<number> {
  const { endpoint, close } = await commandEndpoint(Boolean(options.mock));
  try {
    const warn = (message: string) => process.stderr.write(`onetoken-eval: warning: ${message}\n`);
    const result = await rescoreRun(args[0]!, { suite: options.suite, cacheDir: options.cacheDir, endpoint, junitPath: options.junit, html: options.html, regexTimeoutMs: options.regexTimeoutMs, ...suiteOptionsOf(options), onWarning: warn });
    if (options.json) process.stdout.write(`${JSON.stringify({ runDir: result.runDir, summary: result.summary, needRerun: result.needRerun }, null, 2)}\n`);
    else process.stdout.write(renderRunSummary({ title: `rescored ${plural(result.rescored, 'cell')} in ${result.runDir}`, runDir: result.runDir, summary: result.summary, failures: result.failures, color: isColorStdout(), isQuiet: Boolean(options.quiet) }));
    if (result.needRerun.length > 0) {
      process.stderr.write(`onetoken-eval: ${plural(result.needRerun.length, 'cell no longer matches', 'cells no longer match')} the suite (their request changed or they left the plan): moved to ${result.runDir}/stale.jsonl, and a --resume with this suite reruns those still in it: ${sample(result.needRerun)}\n`);
    }
    if (result.neverRun.length > 0) {
      process.stderr.write(`onetoken-eval: ${plural(result.neverRun.length, 'cell', 'cells')} of the suite ${result.neverRun.length === 1 ? 'is' : 'are'} not in this run (new cases, prompts or models, or an unfinished run), so they are not scored: ${sample(result.neverRun)}\n`);
    }
    const shortfall = options.minPassRate === undefined ? null : passRateShortfall(result.summary, options.minPassRate);
    if (shortfall) process.stderr.write(`onetoken-eval: ${shortfall}\n`);
    return exitCodeOf({ summary: { ...result.summary, errored: 0 }, apiErrors: result.graderErrors, minPassRate: options.minPassRate });
  } finally {
    await close();
  }
}

/** The first few ids, for a message. */
function sample(ids: string[]): string {
  return `${ids.slice(0, 5).join(', ')}${ids.length > 5 ? ', …' : ''}`;
}
