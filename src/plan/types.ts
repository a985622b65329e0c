/** The plan: every request a run will make, with ids and seeds. */
import type { AssertionSpec, Transform } from '../assert/index.js';
import type { ChatMessage, ChatRequest } from '../wire/index.js';
import type { ModelSpec, PairwiseSpec, SourcePosition, Suite, ToolResultSpec } from '../suite/index.js';
import type { PairwisePlan } from './pairwise-plan.js';
import type { Shard } from './shard.js';

/** One request of the plan: prompt × case × model × repeat. */
export interface Cell {
  /** Position in the whole (unsharded) plan. */
  index: number;
  /** Stable id `prompt/case/model#repeat`. */
  id: string;
  prompt: string;
  case: string;
  /** Model label. */
  model: string;
  modelId: string;
  repeat: number;
  /** The seed sent, or null when the model omits `seed`. */
  seed: number | null;
  /** The exact request body (without `stream_options`, which the client adds). */
  request: ChatRequest;
  /** Canonical JSON of `request`, the basis of the plan hash and the cache key. */
  requestKey: string;
  /** Suite, prompt and case assertions with the case's variables rendered in. */
  assertions: AssertionSpec[];
  threshold: number | null;
  /** The prompt's transform, applied before all assertions; null for none. */
  transform: Transform | null;
  vars: Record<string, unknown>;
  /** Canned tool results by tool name (the case's over the prompt's); a call to another tool ends the turn. */
  toolResults: Record<string, ToolResultSpec>;
  /** Tool-result round trips per turn at most. */
  maxToolRounds: number;
  /**
   * A conversation's user turns with the case's variables rendered in; turn 1 is already the last message of
   * `request`. Empty for a single exchange.
   */
  turns: PlannedTurn[];
  /** The data URL of each image a request references, by sha256; shared by every cell of the plan. */
  images: ReadonlyMap<string, string>;
  /** Where the case is written (suite or data file), for CI annotations. */
  position: SourcePosition;
}

/** The options a plan was built with, as `run.json` records them so the same plan can be built again. */
export interface AppliedPlanOptions {
  /** Model labels or ids asked for; null for all. */
  models: string[] | null;
  /** The prompt/case glob; null for all. */
  filter: string | null;
  shard: Shard | null;
  /** The repeat override; null for the suite's own. */
  repeat: number | null;
  /** Pairwise judging asked for by the caller (a run flag) instead of the suite's; null for the suite's own. */
  pairwise: PairwiseSpec | null;
}

/** One user turn of a conversation, rendered. */
export interface PlannedTurn {
  /** The user message: text, or parts with images as references. */
  content: ChatMessage['content'];
  assertions: AssertionSpec[];
}

/** An expanded suite. */
export interface Plan {
  suite: Suite;
  /** The options it was built with. */
  options: AppliedPlanOptions;
  /** The models kept by `--models`, in suite order. */
  models: ModelSpec[];
  repeat: number;
  shard: Shard | null;
  /** sha256 over every cell id and request of the whole (filtered, unsharded) plan. */
  hash: string;
  /** Cells in the whole (filtered, unsharded) plan. */
  totalCells: number;
  /** Cells in this shard. */
  cellCount: number;
  /** This shard's cells in plan order, built lazily. */
  cells(): Generator<Cell>;
  /** This shard's cells of one model (index into `models`) in plan order, built lazily. */
  cellsOfModel(modelIndex: number): Generator<Cell>;
  /** Any cell of the whole plan by index. */
  cellAt(index: number): Cell;
  /** The judgments to make after the answers; null without pairwise judging (or fewer than two judged models). */
  pairwise: PairwisePlan | null;
}
