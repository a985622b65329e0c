/**
 * `onetoken-eval merge <dirs...> --out DIR`: shard run directories -> one run directory with the reports an
 * unsharded run would have written. Refuses shards of different plans; reports missing and duplicated cells.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mergeShards, type ShardInput } from '../../compare/index.js';
import { ExitCode, UsageError } from '../../errors.js';
import { renderSummaryTable, writeReports } from '../../report/index.js';
import { journalRecords, JOURNAL_FILE, readJournal, readRunMetaFile, writeRunMeta } from '../../run/index.js';
import { assertFreshDirectory } from '../fresh-directory.js';
import { appendStepSummary } from '../github.js';
import { resolveRunPath } from '../run-location.js';

/** Merges shards. */
export async function mergeCommand(dirs: string[], options: Record<string, unknown>): Promise<number> {
  const out = options.out as string | undefined;
  if (!out) throw new UsageError('merge needs --out DIR: the directory to write the merged run to');
  const shards: ShardInput[] = [];
  for (const dir of dirs.map(resolveRunPath)) {
    // run.json first: a missing or foreign directory is then named as such instead of failing on its journal.
    const meta = readRunMetaFile(dir);
    // Read-only: shards are often downloaded artifacts, and merging must not rewrite (or truncate) their journals.
    const journal = await readJournal(dir);
    if (journal.tornLine !== null) process.stderr.write(`onetoken-eval: warning: ${join(dir, JOURNAL_FILE)}:${journal.tornLine}: skipped an incomplete last line (the shard was killed mid-write)\n`);
    shards.push({ source: dir, meta, cells: [...journal.records.values()] });
  }
  const merged = mergeShards(shards);
  const coverage = shardCoverage(shards.map((shard) => ({ source: shard.source, shard: shard.meta.shard })));
  assertFreshDirectory(out);
  // The merged run covers the whole plan: a leftover `args.shard` ("1/3" from the first shard) would make
  // `rescore` and `--resume` rebuild only that shard's plan and treat the other cells as changed.
  const meta = { ...merged.meta, args: { ...merged.meta.args, shard: null } };
  writeRunMeta(out, meta);
  writeFileSync(join(out, JOURNAL_FILE), merged.cells.map((record) => `${JSON.stringify(record)}\n`).join(''));
  // Let the shards' records go before the reports stream the merged journal back in.
  shards.length = 0;
  const summary = await writeReports(out, meta, journalRecords(out), { junitPath: options.junit as string | undefined });
  appendStepSummary(readFileSync(join(out, 'summary.md'), 'utf8'));
  if (options.json) process.stdout.write(`${JSON.stringify({ out, summary, missing: merged.missing.length, duplicates: merged.duplicates }, null, 2)}\n`);
  else if (!options.quiet) process.stdout.write(`merged ${dirs.length} shards into ${out}\n${renderSummaryTable(summary, {})}\n`);
  if (merged.duplicates.length > 0) {
    process.stderr.write(`onetoken-eval: warning: ${merged.duplicates.length} cells were in more than one shard (one copy kept${coverage.repeated ? `; ${coverage.repeated}` : ''}): ${merged.duplicates.slice(0, 5).join(', ')}${merged.duplicates.length > 5 ? ', …' : ''}\n`);
  }
  if (merged.missing.length > 0) {
    process.stderr.write(`onetoken-eval: ${merged.missing.length} of ${meta.planCells} cells are in no shard (plan indices ${merged.missing.slice(0, 10).join(', ')}${merged.missing.length > 10 ? ', …' : ''}): ${coverage.absent ?? 'a shard is missing or unfinished'}; the merged reports cover the rest\n`);
    return ExitCode.invalidInput;
  }
  if (summary.errored > 0) return ExitCode.api;
  return summary.failed > 0 ? ExitCode.failed : ExitCode.ok;
}

/** Which shard numbers were given twice or not at all, as message fragments; null when unknown or fine. */
function shardCoverage(inputs: { source: string; shard: { index: number; count: number } | null }[]): { repeated: string | null; absent: string | null } {
  const counts = new Set(inputs.map((input) => input.shard?.count ?? 0));
  if (counts.size !== 1 || counts.has(0)) return { repeated: null, absent: null };
  const count = [...counts][0]!;
  const sources = new Map<number, string[]>();
  for (const input of inputs) sources.set(input.shard!.index, [...(sources.get(input.shard!.index) ?? []), input.source]);
  const repeated = [...sources].filter(([, list]) => list.length > 1).map(([index, list]) => `shard ${index}/${count} was given ${list.length} times: ${list.join(', ')}`);
  const absent = Array.from({ length: count }, (_, i) => i + 1).filter((index) => !sources.has(index));
  return {
    repeated: repeated.length ? repeated.join('; ') : null,
    absent: absent.length ? `shard${absent.length > 1 ? 's' : ''} ${absent.map((index) => `${index}/${count}`).join(', ')} not given` : null,
  };
}
