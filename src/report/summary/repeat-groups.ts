/**
 * Repeat groups: the cells of one (prompt, case, model) over its repeats. Plan order keeps every cell of a
 * (prompt, case) together, so only the current block is held and its groups are handed out when the next
 * block starts: memory is bounded by models x repeats, not by the run.
 */
import { passAtK, passHatK, wilsonInterval } from '../../stats/index.js';
import type { CellRecord } from '../../run/index.js';
import type { RepeatGroup } from '../types.js';
import { clampUnit } from './tally.js';

interface GroupTotals {
  modelId: string;
  cells: number;
  passed: number;
  failed: number;
  errored: number;
  scoreSum: number;
}

/** Collects the current (prompt, case) block and turns it into one group per model. */
export class RepeatGrouper {
  private prompt: string | null = null;
  private caseName: string | null = null;
  private totals = new Map<string, GroupTotals>();

  /** Adds a cell; returns the groups of the previous block when this cell starts a new one, else []. */
  add(record: CellRecord): RepeatGroup[] {
    const isNewBlock = record.prompt !== this.prompt || record.case !== this.caseName;
    const finished = isNewBlock ? this.finish() : [];
    if (isNewBlock) {
      this.prompt = record.prompt;
      this.caseName = record.case;
    }
    let group = this.totals.get(record.model);
    if (!group) {
      group = { modelId: record.modelId, cells: 0, passed: 0, failed: 0, errored: 0, scoreSum: 0 };
      this.totals.set(record.model, group);
    }
    group.cells++;
    if (record.pass === null) group.errored++;
    else {
      if (record.pass) group.passed++;
      else group.failed++;
      group.scoreSum += record.score ?? 0;
    }
    return finished;
  }

  /** Hands out the groups of the current block (models in order of first appearance) and forgets it. */
  finish(): RepeatGroup[] {
    if (this.prompt === null || this.caseName === null) return [];
    const groups = [...this.totals].map(([model, totals]) => toGroup(this.prompt!, this.caseName!, model, totals));
    this.totals = new Map();
    this.prompt = null;
    this.caseName = null;
    return groups;
  }
}

/** Errored repeats are left out of n: an outage is not evidence about the model's answers. */
function toGroup(prompt: string, caseName: string, model: string, totals: GroupTotals): RepeatGroup {
  const n = totals.passed + totals.failed;
  const hasScores = n > 0;
  return {
    prompt,
    case: caseName,
    model,
    modelId: totals.modelId,
    cells: totals.cells,
    n,
    passed: totals.passed,
    errored: totals.errored,
    meanScore: hasScores ? clampUnit(totals.scoreSum / n) : null,
    meanScoreInterval: hasScores ? wilsonInterval(totals.scoreSum, n) : null,
    k: n,
    passAtK: hasScores ? passAtK(n, totals.passed, n) : null,
    passHatK: hasScores ? passHatK(n, totals.passed, n) : null,
  };
}
