/**
 * `mergeRuns`: shard run directories -> one run directory with the reports an unsharded run would have written.
 * Refuses shards of different plans; reports missing and duplicated cells. Shards are read through the journal's
 * read-only mode (they are often downloaded artifacts: merging never rewrites or truncates them). The output's
 * run.json is written last, after its journal and reports, so an output without one is an unfinished merge and
 * may be replaced.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import pLimit from 'p-limit';
import { mergeShards, type ShardInput } from '../compare/index.js';
import { CheckpointError, optionRef } from '../errors.js';
import { writeReports, type FailureSample, type RunSummary } from '../report/index.js';
import { reportOptionsOf } from './report-formats.js';
import { acquireRunLock, CellJournal, JUDGMENTS, journalJudgments, journalRecords, prepareDirectory, prepareOutputFile, readRunMetaFile, rewriteJournal, RUN_META_FILE, writeRunMeta, type CellRecord, type JudgmentRecord, type RunMeta } from '../run/index.js';
import { buildPlan } from '../plan/index.js';
import { loadSuite } from '../suite/index.js';
import { readPairwiseInput } from './pairwise-input.js';
import { resolveRunPath } from './run-location.js';

/** Shards read at once. */
const SHARD_READS = 4;

/** Options of `mergeRuns`. */
export interface MergeRunsOptions {
  /** The directory to write the merged run to; must not hold a run. */
  out: string;
  /** Also write JUnit XML to this path. @default none */
  junitPath?: string;
  /** Write report.html with the other reports. @default true */
  html?: boolean;
  /** Hears warnings (a shard's torn last line, cells in more than one shard). */
  onWarning?: (message: string) => void;
}

/** What `mergeRuns` returns. */
export interface MergeRunsResult {
  out: string;
  meta: RunMeta;
  summary: RunSummary;
  summaryMarkdown: string;
  /** The first failing cells (a case's repeats folded into one entry) and how many there were. */
  failures: FailureSample;
  /** Plan indices that no shard holds, ascending. */
  missing: number[];
  /** Ids found in more than one shard (one copy kept), sorted. */
  duplicates: string[];
  /** Which shard numbers were given twice or not at all, as message fragments; null when unknown or fine. */
  coverage: { repeated: string | null; absent: string | null };
}

/** Merges shard run directories into `options.out`. */
export async function mergeRuns(dirs: string[], options: MergeRunsOptions): Promise<MergeRunsResult> {
  const warn = options.onWarning ?? (() => undefined);
  const limit = pLimit(SHARD_READS);
  const shards = await Promise.all(dirs.map((dir) => limit(() => readShard(resolveRunPath(dir), warn))));
  const merged = mergeShards(shards);
  const coverage = shardCoverage(shards.map((shard) => ({ source: shard.source, shard: shard.meta.shard })));
  prepareDirectory(options.out, 'out');
  if (options.junitPath !== undefined) prepareOutputFile(options.junitPath, 'junit');
  const lock = acquireRunLock(options.out, { onStale: warn });
  try {
    if (existsSync(join(options.out, RUN_META_FILE))) throw new CheckpointError(`${options.out} already holds a run: choose another ${optionRef('out')}`);
    // The merged run covers the whole plan, whatever shard its first shard was.
    const meta: RunMeta = { ...merged.meta, plan: { ...merged.meta.plan, shard: null } };
    await rewriteJournal(options.out, merged.cells);
    // Let the shards' records go before the reports stream the merged journal back in.
    shards.length = 0;
    const pairwise = await mergeJudgments(dirs.map(resolveRunPath), options.out, meta, warn);
    const reports = await writeReports(options.out, meta, journalRecords(options.out), { ...reportOptionsOf(options), pairwise });
    // run.json last: it marks a finished merge, so a merge killed before it can simply be run again.
    writeRunMeta(options.out, meta);
    return { out: options.out, meta, summary: reports.summary, summaryMarkdown: reports.markdown ?? '', failures: reports.failures, missing: merged.missing, duplicates: merged.duplicates, coverage };
  } finally {
    lock.release();
  }
}

/** One shard's metadata and records; run.json first, so a foreign directory is named as such. */
async function readShard(dir: string, warn: (message: string) => void): Promise<ShardInput> {
  const meta = readRunMetaFile(dir);
  const journal = CellJournal.openReadOnly(dir);
  try {
    if (journal.tornLine !== null) warn(`${journal.path}:${journal.tornLine}: skipped an incomplete last line (the shard was killed mid-write)`);
    const cells: CellRecord[] = [];
    for await (const record of journal.records()) cells.push(record);
    return { source: dir, meta, cells };
  } finally {
    journal.close();
  }
}

/** Which shard numbers were given twice or not at all. */
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

/**
 * Joins the shards' pairwise judgments (shards hold disjoint ones) into the merged run and reads them back for
 * the reports. Summarising needs the judging set-up, which comes from the suite: when it cannot be loaded, the
 * judgments are still merged and a warning says why the summary lacks them.
 */
async function mergeJudgments(dirs: string[], out: string, meta: RunMeta, warn: (message: string) => void) {
  const byIndex = new Map<number, JudgmentRecord>();
  const onTornLine = (line: number, path: string) => warn(`${path}:${line}: skipped an incomplete last line (the shard was killed mid-write)`);
  for (const dir of dirs) for await (const judgment of journalJudgments(dir, onTornLine)) byIndex.set(judgment.index, judgment);
  if (byIndex.size === 0) return null;
  await rewriteJournal(out, [...byIndex.values()].sort((a, b) => a.index - b.index), JUDGMENTS);
  try {
    const plan = buildPlan(loadSuite(meta.suite.path), { models: meta.plan.models ?? undefined, filter: meta.plan.filter ?? undefined, repeat: meta.plan.repeat ?? undefined, pairwise: meta.plan.pairwise ?? undefined });
    return await readPairwiseInput(plan, out);
  } catch (error) {
    warn(`merged ${byIndex.size} pairwise judgments but left them out of the summary: the suite ${meta.suite.path} could not be loaded (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
    return null;
  }
}
