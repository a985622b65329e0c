/**
 * A run directory: `run.json` (run-meta.ts, written first, before any request), `cells.jsonl` (journal.ts) and
 * the reports.
 * Resuming checks that the directory belongs to the same plan; with `allowChangedSuite` it keeps the cells whose
 * id and request are still in the new plan and moves the rest to `stale.jsonl` (never drops a recorded answer).
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CheckpointError, optionRef } from '../errors.js';
import type { Plan } from '../plan/index.js';
import { requestHash } from './cache.js';
import { CellJournal, JOURNAL_FILE, JUDGMENTS, rewriteJournal } from './journal.js';
import { checkJournalShape } from './journal-check.js';
import { keepStaleRecords } from './stale-records.js';
import type { CellRecord, RunMeta } from './record.js';

/** Refuses to start a fresh run on top of another run's journal. */
export function assertFreshRunDirectory(runDir: string): void {
  const journal = join(runDir, JOURNAL_FILE);
  if (existsSync(journal) && statSync(journal).size > 0) {
    throw new CheckpointError(`${runDir} already holds a run: resume it with ${optionRef('resume')} ${runDir}, or choose another ${optionRef('out')}`);
  }
}

/**
 * Prepares a resumed directory for `plan`. Same plan: nothing to do. Changed plan: an error, or with
 * `allowChangedSuite` the journal is rewritten keeping the cells still in the plan (re-indexed).
 */
export async function reconcileResumedPlan(runDir: string, meta: RunMeta, plan: Plan, endpoint: string, allowChangedSuite: boolean): Promise<{ kept: number; dropped: number } | null> {
  if (meta.planHash === plan.hash) return null;
  if (!allowChangedSuite) {
    throw new CheckpointError(
      `${runDir} was run with a different plan (${meta.planHash.slice(0, 12)}, now ${plan.hash.slice(0, 12)}): the suite or the flags changed; rerun without ${optionRef('resume')}, or add ${optionRef('allowChangedSuite')} to keep the cells that are still valid`,
    );
  }
  const wanted = new Map<string, { index: number; hash: string }>();
  for (const cell of plan.cells()) wanted.set(cell.id, { index: cell.index, hash: requestHash(endpoint, cell.requestKey) });
  const journal = CellJournal.openReadOnly(runDir);
  const kept: CellRecord[] = [];
  const stale: CellRecord[] = [];
  try {
    checkJournalShape(journal, meta.planCells, runDir);
    for (const index of journal.indices()) {
      const record = journal.read(index)!;
      const target = wanted.get(record.id);
      if (target && target.hash === record.requestHash) kept.push({ ...record, index: target.index });
      else stale.push(record);
    }
  } finally {
    journal.close();
  }
  keepStaleRecords(runDir, stale);
  await rewriteJournal(runDir, kept);
  // Judgments depend on the rubric, the judge and both answers: after a change they are all made again (the
  // cache answers those whose requests did not change).
  await rewriteJournal(runDir, [], JUDGMENTS);
  return { kept: kept.length, dropped: stale.length };
}
