/** `onetoken-eval merge <dirs...> --out DIR`: `mergeRuns`, then the summary, warnings and the exit code. */
import { UsageError } from '../../errors.js';
import { mergeRuns } from '../../eval/index.js';
import { exitCodeOf, passRateShortfall } from '../exit-code.js';
import { appendStepSummary } from '../github.js';
import type { OptionValues } from '../options.js';
import { renderRunSummary } from '../summary-output.js';
import { isColorStdout } from '../terminal.js';

/** Merges shards. */
export async function mergeCommand(dirs: string[], options: OptionValues): Promise<number> {
  const out = options.out;
  if (!out) throw new UsageError('merge needs --out DIR: the directory to write the merged run to');
  const warn = (message: string) => process.stderr.write(`onetoken-eval: warning: ${message}\n`);
  const merged = await mergeRuns(dirs, { out, junitPath: options.junit, html: options.html, onWarning: warn });
  appendStepSummary(merged.summaryMarkdown);
  if (options.json) process.stdout.write(`${JSON.stringify({ out, summary: merged.summary, missing: merged.missing.length, duplicates: merged.duplicates }, null, 2)}\n`);
  else process.stdout.write(renderRunSummary({ title: `merged ${dirs.length} shards into ${out}`, runDir: out, summary: merged.summary, failures: merged.failures, color: isColorStdout(), isQuiet: Boolean(options.quiet) }));
  if (merged.duplicates.length > 0) {
    warn(`${merged.duplicates.length} cells were in more than one shard (one copy kept${merged.coverage.repeated ? `; ${merged.coverage.repeated}` : ''}): ${merged.duplicates.slice(0, 5).join(', ')}${merged.duplicates.length > 5 ? ', …' : ''}`);
  }
  if (merged.missing.length > 0) {
    process.stderr.write(`onetoken-eval: ${merged.missing.length} of ${merged.meta.planCells} cells are in no shard (plan indices ${merged.missing.slice(0, 10).join(', ')}${merged.missing.length > 10 ? ', …' : ''}): ${merged.coverage.absent ?? 'a shard is missing or unfinished'}; the merged reports cover the rest\n`);
  }
  const shortfall = options.minPassRate === undefined ? null : passRateShortfall(merged.summary, options.minPassRate);
  if (shortfall) process.stderr.write(`onetoken-eval: ${shortfall}\n`);
  return exitCodeOf({ summary: merged.summary, isIncomplete: merged.missing.length > 0, minPassRate: options.minPassRate });
}
