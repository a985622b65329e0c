/**
 * The records a run writes. These are file formats: key order here is the order on disk, and every change to a
 * field bumps `RECORD_VERSION`.
 */
import type { AssertionResult } from '../assert/index.js';
import type { ChatMessage, Citation, Usage } from '../client/index.js';

/** Version of `cells.jsonl` lines, `run.json` and `results.json`. */
export const RECORD_VERSION = 1;

/** A typed error recorded on a cell instead of an answer. */
export interface CellError {
  /** Stable error code such as `OTE_API_RATE_LIMIT`. */
  code: string;
  /** One-line message (never contains the API key). */
  message: string;
  /** HTTP status when the server answered. */
  status: number | null;
  /** A truncated snippet of the raw answer, for protocol errors. */
  raw: string | null;
}

/** One request made to a grader model while scoring a cell (llm-rubric). */
export interface GraderCall {
  model: string;
  requestHash: string;
  cached: boolean;
  usage: Usage | null;
  cost: number | null;
  latencyMs: number | null;
  error: string | null;
}

/** One finished cell: one line of `cells.jsonl`, one entry of `results.json`, one row of `results.csv`. */
export interface CellRecord {
  /** Stable cell id: `prompt/case/model#repeat` with each part escaped (see plan/cell-id.ts). */
  id: string;
  /** Position in plan order (0-based, across the whole unsharded plan). */
  index: number;
  prompt: string;
  case: string;
  /** The model label (unique in the suite). */
  model: string;
  /** The model id sent to the API. */
  modelId: string;
  repeat: number;
  seed: number | null;
  /** sha256 of the canonical request (sorted-key JSON with the base URL); the cache key. */
  requestHash: string;
  messages: ChatMessage[];
  /** Parameters sent besides model and messages, keys sorted. */
  params: Record<string, unknown>;
  output: string | null;
  finishReason: string | null;
  usage: Usage | null;
  servedModel: string | null;
  systemFingerprint: string | null;
  responseId: string | null;
  requestId: string | null;
  citations: Citation[];
  latencyMs: number | null;
  ttftMs: number | null;
  attempts: number;
  cached: boolean;
  /** Estimated USD, null without pricing. */
  cost: number | null;
  error: CellError | null;
  assertions: AssertionResult[];
  /** Grader requests made for this cell's model-graded assertions. */
  graderCalls: GraderCall[];
  /** null when errored (not scored). */
  pass: boolean | null;
  /** Weighted score in 0..1; null when errored. */
  score: number | null;
}

/** `run.json`: written first, before any request. */
export interface RunMeta {
  version: number;
  tool: { name: 'onetoken-eval'; version: string };
  suite: { name: string; path: string; hash: string };
  planHash: string;
  /** Cells of the whole (filtered, unsharded) plan; `index` of a record is below this. */
  planCells: number;
  /** Cells this run directory is responsible for (its shard of the plan). */
  cells: number;
  shard: { index: number; count: number } | null;
  /** Model labels of the plan in plan order, so reports can lay out a column per model even when a shard or filter left a model without cells. */
  models: string[];
  /** The command-line arguments that shape the plan and the run; never the key. */
  args: Record<string, unknown>;
  baseUrl: string;
  startedAt: string;
}
