/**
 * `::error` annotations for failing and errored cells inside GitHub Actions, each pointing at the line of its case
 * in the suite or data file. Capped, since GitHub shows only the first few per step anyway.
 */
import type { Plan } from '../plan/index.js';
import { journalRecords } from '../run/index.js';
import { isGithubActions, writeAnnotation } from './github.js';

/** At most this many annotations per run. */
export const MAX_ANNOTATIONS = 50;

/** Writes annotations (to stderr) when running in GitHub Actions; returns how many. */
export async function emitFailureAnnotations(plan: Plan, runDir: string, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  if (!isGithubActions(env)) return 0;
  let count = 0;
  for await (const record of journalRecords(runDir)) {
    if (record.pass !== false && !record.error) continue;
    if (count >= MAX_ANNOTATIONS) break;
    const position = plan.cellAt(record.index).position;
    const reason = record.error
      ? `${record.error.code}: ${record.error.message}`
      : record.assertions.filter((result) => !result.pass).map((result) => result.reason).join('; ');
    writeAnnotation({ file: position.file, line: position.line, title: `onetoken-eval: ${record.id}`, message: reason }, env);
    count++;
  }
  return count;
}
