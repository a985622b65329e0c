/**
 * A run directory: `run.json` (written first, before any request), `cells.jsonl` (the journal) and the reports.
 * Resuming checks that the directory belongs to the same plan; with `allowChangedSuite` it keeps only the cells
 * whose id and request are still in the new plan and rewrites the journal without the rest.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CheckpointError } from '../errors.js';
import type { Plan } from '../plan/index.js';
import { requestHash } from './cache.js';
import { CellJournal, JOURNAL_FILE } from './journal.js';
import { checkRunMeta } from './read-results.js';
import { RECORD_VERSION, type CellRecord, type RunMeta } from './record.js';

/** File name of the run metadata. */
export const RUN_META_FILE = 'run.json';

/** Writes run.json atomically. */
export function writeRunMeta(runDir: string, meta: RunMeta): void {
  mkdirSync(runDir, { recursive: true });
  const path = join(runDir, RUN_META_FILE);
  writeFileSync(`${path}.tmp`, `${JSON.stringify(meta, null, 2)}\n`);
  renameSync(`${path}.tmp`, path);
}

/** Reads run.json; a missing or foreign file is a `CheckpointError`. */
export function readRunMetaFile(runDir: string): RunMeta {
  const path = join(runDir, RUN_META_FILE);
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CheckpointError(code === 'ENOENT' ? `${runDir} is not a run directory: no ${RUN_META_FILE}` : `${path}: cannot read: ${(error as Error).message}`);
  }
  return checkRunMeta(path, value);
}

/** Refuses to start a fresh run on top of another run's journal. */
export function assertFreshRunDirectory(runDir: string): void {
  const journal = join(runDir, JOURNAL_FILE);
  if (existsSync(journal) && statSync(journal).size > 0) {
    throw new CheckpointError(`${runDir} already holds a run: resume it with --resume ${runDir}, or choose another --out`);
  }
}

/**
 * Prepares a resumed directory for `plan`. Same plan: nothing to do. Changed plan: an error, or with
 * `allowChangedSuite` the journal is rewritten keeping the cells still in the plan (re-indexed).
 */
export function reconcileResumedPlan(runDir: string, meta: RunMeta, plan: Plan, endpoint: string, allowChangedSuite: boolean): { kept: number; dropped: number } | null {
  if (meta.planHash === plan.hash) return null;
  if (!allowChangedSuite) {
    throw new CheckpointError(
      `${runDir} was run with a different plan (${meta.planHash.slice(0, 12)}, now ${plan.hash.slice(0, 12)}): the suite or the flags changed; rerun without --resume, or add --allow-changed-suite to keep the cells that are still valid`,
    );
  }
  const wanted = new Map<string, { index: number; hash: string }>();
  for (const cell of plan.cells()) wanted.set(cell.id, { index: cell.index, hash: requestHash(endpoint, cell.requestKey) });
  const journal = CellJournal.open(runDir);
  const kept: CellRecord[] = [];
  let dropped = 0;
  for (const index of journal.indices()) {
    const record = journal.read(index)!;
    const target = wanted.get(record.id);
    if (target && target.hash === record.requestHash) kept.push({ ...record, index: target.index });
    else dropped++;
  }
  journal.close();
  const path = join(runDir, JOURNAL_FILE);
  writeFileSync(`${path}.tmp`, kept.map((record) => `${JSON.stringify(record)}\n`).join(''));
  renameSync(`${path}.tmp`, path);
  return { kept: kept.length, dropped };
}
