/** `onetoken-eval schema [suite|results]`: JSON Schemas for editors and for readers of results.json. */
import { ExitCode, UsageError } from '../../errors.js';

/** Prints the requested JSON Schema. */
export async function schemaCommand(args: string[]): Promise<number> {
  const kind = args[0] ?? 'suite';
  if (kind === 'suite') {
    const { suiteJsonSchema } = await import('../../suite/index.js');
    process.stdout.write(`${JSON.stringify(suiteJsonSchema(), null, 2)}\n`);
    return ExitCode.ok;
  }
  if (kind === 'results') {
    const { resultsJsonSchema } = await import('../../eval/index.js');
    process.stdout.write(`${JSON.stringify(resultsJsonSchema(), null, 2)}\n`);
    return ExitCode.ok;
  }
  throw new UsageError(`unknown schema "${kind}": expected "suite" or "results"`);
}
