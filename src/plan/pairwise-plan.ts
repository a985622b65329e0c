/**
 * The judgments of a plan: for each row (prompt × case × repeat) of the shard, one judgment per pair of judged
 * models. Pairs are every two models, or each model with the `reference`. A judgment's index is
 * `unit × pairs + pair`, so shards hold disjoint judgments and a merge can join them like cells.
 */
import type { ModelSpec, PairwiseSpec } from '../suite/index.js';
import { cellId } from './cell-id.js';

/** One judgment to make: which of two cells of the same row answered better. */
export interface JudgmentCell {
  /** Position among the plan's judgments (across the whole unsharded plan). */
  index: number;
  /** Stable id `prompt/case/modelA~modelB#repeat`. */
  id: string;
  prompt: string;
  case: string;
  repeat: number;
  /** Model labels; `modelA` is the reference when there is one, else the earlier model in suite order. */
  modelA: string;
  modelB: string;
  /** Plan indices of the two answer cells. */
  cellA: number;
  cellB: number;
}

/** Pairwise judging of a plan. */
export interface PairwisePlan {
  rubric: string;
  /** Judge model id; null for the suite grader (else the default grader model). */
  grader: string | null;
  /** Judged model labels, in suite order. */
  models: string[];
  reference: string | null;
  /** Judged pairs of model labels, `[a, b]`. */
  pairs: [string, string][];
  /** Judgments of this shard in plan order, built lazily. */
  judgments(): Generator<JudgmentCell>;
}

/** What the pairwise plan needs to know about the answer plan. */
export interface PairwiseLayout {
  models: ModelSpec[];
  units: number;
  repeat: number;
  /** The (prompt id, case id) of a row. */
  rowOf(unit: number): { prompt: string; case: string };
  isInShard(unit: number): boolean;
}

/** The pairwise plan of `spec` over the plan's models, or null when fewer than two judged models are in the plan. */
export function planPairwise(spec: PairwiseSpec | null, layout: PairwiseLayout): PairwisePlan | null {
  if (spec === null) return null;
  const labels = layout.models.map((model) => model.label);
  const judged = spec.models === 'all' ? labels : labels.filter((label) => spec.models.includes(label));
  if (judged.length < 2) return null;
  const reference = spec.reference !== undefined && judged.includes(spec.reference) ? spec.reference : null;
  const pairs: [string, string][] = [];
  if (reference !== null) {
    for (const label of judged) if (label !== reference) pairs.push([reference, label]);
  } else {
    for (let i = 0; i < judged.length; i++) for (let j = i + 1; j < judged.length; j++) pairs.push([judged[i]!, judged[j]!]);
  }
  const perRow = labels.length;
  function* judgments(): Generator<JudgmentCell> {
    for (let unit = 0; unit < layout.units; unit++) {
      if (!layout.isInShard(unit)) continue;
      const row = layout.rowOf(unit);
      const repeat = unit % layout.repeat;
      for (let p = 0; p < pairs.length; p++) {
        const [modelA, modelB] = pairs[p]!;
        yield {
          index: unit * pairs.length + p,
          id: cellId(row.prompt, row.case, `${modelA}~${modelB}`, repeat),
          prompt: row.prompt,
          case: row.case,
          repeat,
          modelA,
          modelB,
          cellA: unit * perRow + labels.indexOf(modelA),
          cellB: unit * perRow + labels.indexOf(modelB),
        };
      }
    }
  }
  return { rubric: spec.rubric, grader: spec.grader ?? null, models: judged, reference, pairs, judgments };
}
