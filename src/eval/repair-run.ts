/**
 * `repairRun`: moves the journal lines that cannot belong to a run (not JSON, not a record, an index beyond the
 * plan, an id that is not the plan's at its index, an id recorded at two indices) to `rejected.jsonl`, under the
 * run's lock, and says how many cells a `--resume` will run again. The plan is rebuilt from run.json's suite; when
 * that suite can no longer be loaded, only what run.json itself tells (the plan size, unique ids) is checked.
 */
import { buildPlan, type Plan } from '../plan/index.js';
import { acquireRunLock, readRunMetaFile, repairJournal, REJECTED_FILE, type JournalRepair, type RecordCheck, type RunMeta } from '../run/index.js';
import { loadSuite } from '../suite/index.js';
import { resolveRunPath } from './run-location.js';

/** Options of `repairRun`. */
export interface RepairRunOptions {
  /** Hears warnings (a stale lock taken over, a suite that could not be loaded). */
  onWarning?: (message: string) => void;
}

/** What `repairRun` returns. */
export interface RepairRunResult extends JournalRepair {
  runDir: string;
  /** Where rejected lines went, or null when none were. */
  rejectedFile: string | null;
  /** Cells of this run directory without a record now: a `--resume` runs them. */
  toRerun: number;
}

/** Repairs the journal of a run directory in place. */
export async function repairRun(runDirectory: string, options: RepairRunOptions = {}): Promise<RepairRunResult> {
  const runDir = resolveRunPath(runDirectory);
  const meta = readRunMetaFile(runDir);
  const lock = acquireRunLock(runDir, { create: false, onStale: options.onWarning });
  try {
    const plan = planOf(meta, options.onWarning);
    const repair = await repairJournal(runDir, checkFor(meta, plan));
    return { ...repair, runDir, rejectedFile: repair.rejected.length > 0 ? `${runDir}/${REJECTED_FILE}` : null, toRerun: Math.max(0, meta.cells - repair.cells) };
  } finally {
    lock.release();
  }
}

function planOf(meta: RunMeta, warn: ((message: string) => void) | undefined): Plan | null {
  try {
    const plan = buildPlan(loadSuite(meta.suite.path), { models: meta.plan.models ?? undefined, filter: meta.plan.filter ?? undefined, shard: meta.shard, repeat: meta.plan.repeat ?? undefined });
    if (plan.hash === meta.planHash) return plan;
    warn?.(`${meta.suite.path} changed since the run: records are checked against run.json only`);
  } catch {
    warn?.(`${meta.suite.path} could not be loaded: records are checked against run.json only`);
  }
  return null;
}

/** The check of one record: inside the plan, the plan's id at its index, and no id at two indices. */
function checkFor(meta: RunMeta, plan: Plan | null): RecordCheck {
  const indexOfId = new Map<string, number>();
  return ({ id, index }) => {
    if (index >= meta.planCells) return `index ${index} is outside the plan (${meta.planCells} cells)`;
    if (plan && plan.cellAt(index).id !== id) return `id ${JSON.stringify(id)} is not the plan's cell at index ${index}`;
    const other = indexOfId.get(id);
    if (other !== undefined && other !== index) return `id ${JSON.stringify(id)} is already recorded at index ${other}`;
    indexOfId.set(id, index);
    return null;
  };
}
