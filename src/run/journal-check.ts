/**
 * Checking a journal against the plan it claims to belong to. Any parsable line used to be trusted: an `index`
 * beyond the plan added a phantom cell, and two swapped indices reported one id twice. A record must sit at an
 * index inside the plan whose cell has the record's id; anything else names the line and stops (exit 2).
 */
import { CheckpointError } from '../errors.js';
import type { Plan } from '../plan/index.js';
import type { CellJournal } from './journal.js';

/** Throws a `CheckpointError` naming the first line whose record does not match `plan`; `runDir` names the fix. */
export function checkJournalAgainstPlan(journal: CellJournal, plan: Pick<Plan, 'totalCells' | 'cellAt'>, runDir: string): void {
  for (const index of journal.indices()) {
    const where = `${journal.path}:${journal.lineOf(index)}`;
    const fix = `the journal was edited or mixed with another run's; move the line aside with: onetoken-eval repair ${runDir}`;
    if (index >= plan.totalCells) {
      throw new CheckpointError(`${where}: index: expected a plan index below ${plan.totalCells}, got ${index}; ${fix}`);
    }
    const id = journal.read(index)!.id;
    const expected = plan.cellAt(index).id;
    if (id !== expected) throw new CheckpointError(`${where}: id: expected ${JSON.stringify(expected)} at index ${index}, got ${JSON.stringify(id)}; ${fix}`);
  }
}

/**
 * The same check without a plan (reports of a run whose suite changed, rescore before its plan is rebuilt):
 * indices below `planCells`, and no id recorded at two indices.
 */
export function checkJournalShape(journal: CellJournal, planCells: number, runDir: string): void {
  const seen = new Map<string, number>();
  for (const index of journal.indices()) {
    const line = journal.lineOf(index);
    const where = `${journal.path}:${line}`;
    const fix = `the journal was edited or mixed with another run's; move the line aside with: onetoken-eval repair ${runDir}`;
    if (index >= planCells) throw new CheckpointError(`${where}: index: expected a plan index below ${planCells}, got ${index}; ${fix}`);
    const id = journal.read(index)!.id;
    const other = seen.get(id);
    if (other !== undefined) throw new CheckpointError(`${where}: id: ${JSON.stringify(id)} is also recorded on line ${other}; ${fix}`);
    seen.set(id, line);
  }
}
