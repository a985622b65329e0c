/**
 * `onetoken-eval rescore <run-dir> [--suite FILE]`: re-applies the (possibly edited) suite's assertions to the
 * recorded answers and rewrites the journal and the reports, making no request except llm-rubric grading
 * (through the cache). A cell whose request changed is listed as needing a rerun and keeps its old scores.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ExitCode, UsageError } from '../../errors.js';
import { buildPlan, type Cell } from '../../plan/index.js';
import { renderSummaryTable, writeReports } from '../../report/index.js';
import { journalRecords, JOURNAL_FILE, readRunMetaFile, requestHash, ResponseCache, scoreRecord, type CellRecord } from '../../run/index.js';
import { loadSuite } from '../../suite/index.js';
import { cacheNamespaceOf, openEndpoint, type Endpoint } from '../endpoint.js';
import { resolveCacheDir } from '../cache-dir.js';
import { resolveRunPath } from '../run-location.js';

/** Rescores a run directory in place. */
export async function rescoreCommand(args: string[], options: Record<string, unknown>): Promise<number> {
  const runDir = resolveRunPath(args[0]!);
  const meta = readRunMetaFile(runDir);
  const suite = loadSuite((options.suite as string | undefined) ?? meta.suite.path);
  const recorded = meta.args as { models?: string[] | null; filter?: string | null; repeat?: number | null };
  const plan = buildPlan(suite, {
    models: recorded.models ?? undefined,
    filter: recorded.filter ?? undefined,
    // `meta.shard`, not `args.shard`: a merged run has `shard: null` but may still carry its first shard's args.
    shard: meta.shard,
    repeat: recorded.repeat ?? undefined,
  });
  const namespace = cacheNamespaceOf(meta.baseUrl);
  const byId = new Map<string, Cell>();
  for (const cell of plan.cells()) byId.set(cell.id, cell);
  const usesGrader = [...byId.values()].some((cell) => cell.assertions.some((spec) => spec.type.endsWith('llm-rubric')));
  const endpoint = usesGrader ? await openGraderEndpoint(Boolean(options.mock)) : null;
  const cache = new ResponseCache(resolveCacheDir(options.cacheDir, process.env));
  const needRerun: string[] = [];
  let graderErrors = 0;
  const lines: string[] = [];
  const seen = new Set<string>();
  try {
    for await (const record of journalRecords(runDir)) {
      seen.add(record.id);
      const cell = byId.get(record.id);
      if (!cell || requestHash(namespace, cell.requestKey) !== record.requestHash) {
        needRerun.push(record.id);
        lines.push(JSON.stringify(record));
        continue;
      }
      if (record.error) {
        lines.push(JSON.stringify(record));
        continue;
      }
      const scored = await scoreRecord(record, cell.assertions, cell.threshold, cell.vars, {
        client: endpoint?.client ?? null, cache, endpoint: namespace, grader: suite.grader, pricing: suite.pricing,
      });
      graderErrors += scored.graderCalls.filter((call) => call.error).length;
      const updated: CellRecord = { ...record, index: cell.index, ...scored };
      lines.push(JSON.stringify(updated));
    }
  } finally {
    await endpoint?.close();
  }
  const path = join(runDir, JOURNAL_FILE);
  writeFileSync(`${path}.tmp`, lines.length ? `${lines.join('\n')}\n` : '');
  renameSync(`${path}.tmp`, path);
  const summary = await writeReports(runDir, meta, journalRecords(runDir), { junitPath: options.junit as string | undefined });
  if (options.json) process.stdout.write(`${JSON.stringify({ runDir, summary, needRerun }, null, 2)}\n`);
  else if (!options.quiet) process.stdout.write(`rescored ${lines.length - needRerun.length} cells in ${runDir}\n${renderSummaryTable(summary, {})}\n`);
  if (needRerun.length > 0) {
    process.stderr.write(`onetoken-eval: ${needRerun.length} cells need a rerun (their request changed or they left the plan), kept with their old scores: ${needRerun.slice(0, 5).join(', ')}${needRerun.length > 5 ? ', …' : ''}\n`);
  }
  const neverRun = [...byId.keys()].filter((id) => !seen.has(id));
  if (neverRun.length > 0) {
    process.stderr.write(`onetoken-eval: ${neverRun.length} cells of the suite are not in this run (new cases, prompts or models, or an unfinished run), so they are not scored: ${neverRun.slice(0, 5).join(', ')}${neverRun.length > 5 ? ', …' : ''}\n`);
  }
  if (graderErrors > 0) return ExitCode.api;
  return summary.failed > 0 ? ExitCode.failed : ExitCode.ok;
}

/** The grader's endpoint; without a key (and without --mock) only cached grader answers can be used. */
async function openGraderEndpoint(mock: boolean): Promise<Endpoint | null> {
  try {
    return await openEndpoint({ mock, connections: 4 });
  } catch (error) {
    if (error instanceof UsageError) return null;
    throw error;
  }
}
