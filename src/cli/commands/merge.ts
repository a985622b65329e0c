/**
 * `onetoken-eval merge <dirs...> --out DIR`: shard run directories -> one run directory with the reports an
 * unsharded run would have written. Refuses shards of different plans; reports missing and duplicated cells.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mergeShards, type ShardInput } from '../../compare/index.js';
import { ExitCode, UsageError } from '../../errors.js';
import { renderSummaryTable, writeReports } from '../../report/index.js';
import { journalRecords, JOURNAL_FILE, readRunMetaFile, writeRunMeta, type CellRecord } from '../../run/index.js';
import { assertFreshDirectory } from '../fresh-directory.js';
import { appendStepSummary } from '../github.js';
import { resolveRunPath } from '../run-location.js';

/** Merges shards. */
export async function mergeCommand(dirs: string[], options: Record<string, unknown>): Promise<number> {
  const out = options.out as string | undefined;
  if (!out) throw new UsageError('merge needs --out DIR: the directory to write the merged run to');
  const shards: ShardInput[] = [];
  for (const dir of dirs.map(resolveRunPath)) {
    const cells: CellRecord[] = [];
    for await (const record of journalRecords(dir)) cells.push(record);
    shards.push({ source: dir, meta: readRunMetaFile(dir), cells });
  }
  const merged = mergeShards(shards);
  assertFreshDirectory(out);
  writeRunMeta(out, merged.meta);
  writeFileSync(join(out, JOURNAL_FILE), merged.cells.map((record) => `${JSON.stringify(record)}\n`).join(''));
  shards.length = 0;
  const summary = await writeReports(out, merged.meta, journalRecords(out), { junitPath: options.junit as string | undefined });
  appendStepSummary(readFileSync(join(out, 'summary.md'), 'utf8'));
  if (options.json) process.stdout.write(`${JSON.stringify({ out, summary, missing: merged.missing.length, duplicates: merged.duplicates }, null, 2)}\n`);
  else if (!options.quiet) process.stdout.write(`merged ${dirs.length} shards into ${out}\n${renderSummaryTable(summary, {})}\n`);
  if (merged.duplicates.length > 0) {
    process.stderr.write(`onetoken-eval: warning: ${merged.duplicates.length} cells were in more than one shard (one copy kept): ${merged.duplicates.slice(0, 5).join(', ')}${merged.duplicates.length > 5 ? ', …' : ''}\n`);
  }
  if (merged.missing.length > 0) {
    process.stderr.write(`onetoken-eval: ${merged.missing.length} of ${merged.meta.planCells} cells are in no shard (plan indices ${merged.missing.slice(0, 10).join(', ')}${merged.missing.length > 10 ? ', …' : ''}): a shard is missing or unfinished; the merged reports cover the rest\n`);
    return ExitCode.invalidInput;
  }
  if (summary.errored > 0) return ExitCode.api;
  return summary.failed > 0 ? ExitCode.failed : ExitCode.ok;
}
