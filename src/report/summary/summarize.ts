/**
 * The one aggregation pass behind every report: fed each cell in plan order, it keeps per-model tallies, the
 * latencies (8 bytes per cell) and the current repeat block, and ends with the run's `RunSummary`.
 */
import { OnetokenEvalError } from '../../errors.js';
import type { CellRecord, RunMeta } from '../../run/index.js';
import { RESULTS_VERSION } from '../results-schema.js';
import { endpointOf, spendOf } from '../../wire/index.js';
import type { GraderSummary, ModelSummary, RepeatGroup, RunSummary } from '../types.js';
import { percentile, SampleList } from '../../stats/index.js';
import { RepeatGrouper } from './repeat-groups.js';
import { clampUnit, Tally } from './tally.js';

interface ModelState {
  modelId: string;
  tally: Tally;
  latencies: SampleList;
  groups: number;
  passAtKSum: number;
  passHatKSum: number;
}

/** Builds the summary and the repeat groups from cells given one at a time in plan order. */
export class SummaryBuilder {
  private readonly run = new Tally();
  private readonly models = new Map<string, ModelState>();
  private readonly grouper = new RepeatGrouper();
  private readonly graders: GraderSummary = { calls: 0, cached: 0, errors: 0, totalTokens: 0, cost: null };
  private readonly spend: RunSummary['spend'] = { answers: null, graders: null, total: null };
  private hasRepeats = false;
  private groupCount = 0;
  private lastIndex = -1;

  constructor(private readonly meta: RunMeta) {
    // Models of run.json first, so every shard lists them in the same order.
    for (const model of meta.models ?? []) this.stateOf(model, '');
  }

  /** Adds one cell; returns the repeat groups of the block it closed, if any. */
  add(record: CellRecord): RepeatGroup[] {
    // Repeat groups and comparison rows rely on plan order; a reordered input would split blocks silently.
    if (record.index <= this.lastIndex) {
      throw new OnetokenEvalError(
        'OTE_INTERNAL',
        `report: expected cells in plan order, got index ${record.index} after ${this.lastIndex} (${record.id})`,
      );
    }
    this.lastIndex = record.index;
    this.run.add(record);
    const state = this.stateOf(record.model, record.modelId);
    state.tally.add(record);
    if (record.error === null && record.latencyMs !== null) state.latencies.push(record.latencyMs);
    if (record.repeat > 0) this.hasRepeats = true;
    for (const call of record.graderCalls) this.addGraderCall(call);
    this.addSpend(record);
    return this.countGroups(this.grouper.add(record));
  }

  /** Closes the last block and returns the totals with its groups. */
  finish(): { summary: RunSummary; groups: RepeatGroup[] } {
    const groups = this.countGroups(this.grouper.finish());
    // In an unfinished run a model of the plan with no record stays in the table (0 cells) instead of vanishing.
    const complete = this.run.cells >= this.meta.cells;
    const models = [...this.models].filter(([, state]) => !complete || state.tally.cells > 0).map(([model, state]) => this.modelSummary(model, state));
    const summary: RunSummary = {
      version: RESULTS_VERSION,
      endpoint: endpointOf(this.meta.baseUrl),
      complete,
      missingCells: Math.max(0, this.meta.cells - this.run.cells),
      cells: this.run.cells,
      passed: this.run.passed,
      failed: this.run.failed,
      errored: this.run.errored,
      ...this.run.rates(),
      promptTokens: this.run.promptTokens,
      completionTokens: this.run.completionTokens,
      totalTokens: this.run.totalTokens,
      cost: this.run.cost(),
      cached: this.run.cached,
      attempts: this.run.attempts,
      graders: { ...this.graders },
      spend: { ...this.spend, total: this.spend.total === null ? null : roundUsd(this.spend.total) },
      repeatGroups: this.hasRepeats ? this.groupCount : 0,
      models,
      metrics: this.run.metrics(),
      pairwise: null,
    };
    return { summary, groups };
  }

  private stateOf(model: string, modelId: string): ModelState {
    let state = this.models.get(model);
    if (!state) {
      state = { modelId, tally: new Tally(), latencies: new SampleList(), groups: 0, passAtKSum: 0, passHatKSum: 0 };
      this.models.set(model, state);
    }
    if (state.modelId === '') state.modelId = modelId;
    return state;
  }

  private countGroups(groups: RepeatGroup[]): RepeatGroup[] {
    this.groupCount += groups.length;
    for (const group of groups) {
      if (group.passAtK === null || group.passHatK === null) continue;
      const state = this.stateOf(group.model, group.modelId);
      state.groups++;
      state.passAtKSum += group.passAtK;
      state.passHatKSum += group.passHatK;
    }
    return groups;
  }

  /** The spend rule of `--max-cost` and the progress line (run's `spendOf`), so all three end on one total. */
  private addSpend(record: CellRecord): void {
    const { answers, graders } = spendOf(record);
    if (answers !== null) this.spend.answers = roundUsd((this.spend.answers ?? 0) + answers);
    if (graders !== null) this.spend.graders = roundUsd((this.spend.graders ?? 0) + graders);
    if (answers !== null || graders !== null) this.spend.total = (this.spend.total ?? 0) + (answers ?? 0) + (graders ?? 0);
  }

  private addGraderCall(call: CellRecord['graderCalls'][number]): void {
    this.graders.calls++;
    if (call.cached) this.graders.cached++;
    if (call.error !== null) this.graders.errors++;
    if (call.usage) this.graders.totalTokens += call.usage.totalTokens;
    if (call.cost !== null) this.graders.cost = (this.graders.cost ?? 0) + call.cost;
  }

  private modelSummary(model: string, state: ModelState): ModelSummary {
    const { tally } = state;
    const sorted = state.latencies.sorted();
    return {
      model,
      modelId: state.modelId,
      cells: tally.cells,
      passed: tally.passed,
      failed: tally.failed,
      errored: tally.errored,
      ...tally.rates(),
      latencyP50Ms: percentile(sorted, 50),
      latencyP95Ms: percentile(sorted, 95),
      promptTokens: tally.promptTokens,
      completionTokens: tally.completionTokens,
      totalTokens: tally.totalTokens,
      cost: tally.cost(),
      cached: tally.cached,
      attempts: tally.attempts,
      metrics: tally.metrics(),
      repeats: this.hasRepeats
        ? {
            groups: state.groups,
            meanPassAtK: state.groups > 0 ? clampUnit(state.passAtKSum / state.groups) : null,
            meanPassHatK: state.groups > 0 ? clampUnit(state.passHatKSum / state.groups) : null,
          }
        : null,
    };
  }
}

/** USD to a millionth of a cent, as each estimate is, so sums print no float noise. */
function roundUsd(usd: number): number {
  return Math.round(usd * 1e8) / 1e8;
}
