/** `onetoken-eval repair <run-dir>`: `repairRun`, then what was moved aside and how many cells will run again. */
import { ExitCode } from '../../errors.js';
import { repairRun } from '../../eval/index.js';
import type { OptionValues } from '../options.js';

/** Moves a run directory's bad journal lines aside. */
export async function repairCommand(args: string[], options: OptionValues): Promise<number> {
  const warn = (message: string) => process.stderr.write(`onetoken-eval: warning: ${message}\n`);
  const result = await repairRun(args[0]!, { onWarning: warn });
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ runDir: result.runDir, kept: result.kept, rejected: result.rejected, rejectedFile: result.rejectedFile, toRerun: result.toRerun }, null, 2)}\n`);
    return ExitCode.ok;
  }
  for (const { line, reason } of result.rejected.slice(0, 10)) process.stdout.write(`${result.runDir}/cells.jsonl:${line}: ${reason}\n`);
  const moved = result.rejected.length === 0 ? 'the journal has no bad lines' : `moved ${result.rejected.length} bad lines to ${result.rejectedFile}`;
  process.stdout.write(`${moved}; ${result.toRerun} cells will run on: onetoken-eval run <suite> --resume ${result.runDir}\n`);
  return ExitCode.ok;
}
