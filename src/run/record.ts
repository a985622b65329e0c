/**
 * The records a run writes, as zod schemas: the single source of their TypeScript types (`z.infer`), of the
 * validation of `run.json`, and of the JSON Schema of results.json. These are file formats: key order here is
 * the order on disk, and every change to a field bumps the version of the file that holds it.
 */
import { z } from 'zod';
import { assertionResultSchema } from '../assert/index.js';

/** Version of `run.json` (2: the plan options are a typed `plan` field; version 1 files are still read). */
export const RUN_META_VERSION = 2;

const count = z.number().int().nonnegative();
const unit = z.number().min(0).max(1);

/** Token counts as reported by the server. */
export const usageSchema = z.object({ promptTokens: count, completionTokens: count, totalTokens: count });

const detailSchema = z.enum(['auto', 'low', 'high']).optional();

const contentPartSchema = z.union([
  z.object({ type: z.literal('text'), text: z.string() }),
  z.object({ type: z.literal('image_url'), image_url: z.object({ url: z.string(), detail: detailSchema }) }),
  z
    .object({ type: z.literal('image'), file: z.string(), sha256: z.string(), bytes: count, detail: detailSchema })
    .meta({ description: 'an image file of the suite, by reference: the bytes are never written' }),
]);

const wireToolCallSchema = z.object({
  id: z.string(),
  type: z.literal('function'),
  function: z.object({ name: z.string(), arguments: z.string() }),
});

const messageSchema = z.object({
  role: z.enum(['developer', 'system', 'user', 'assistant', 'tool']),
  content: z.union([z.string(), z.array(contentPartSchema)]).nullable(),
  tool_calls: z.array(wireToolCallSchema).optional(),
  tool_call_id: z.string().optional(),
});

/** One tool call of an answer: its arguments parsed from their JSON text, or null with the parse error. */
export const toolCallSchema = z.object({
  id: z.string(),
  name: z.string(),
  arguments: z.unknown().meta({ description: 'parsed from the JSON text; null when it did not parse' }),
  argumentsError: z.string().nullable(),
});

const citationSchema = z.object({
  url: z.string(),
  title: z.string().nullable(),
  startIndex: z.number().nullable(),
  endIndex: z.number().nullable(),
});

/** A typed error recorded on a cell instead of an answer. */
export const cellErrorSchema = z.object({
  code: z.string().meta({ description: 'stable error code such as OTE_API_RATE_LIMIT' }),
  message: z.string().meta({ description: 'one-line message (never contains the API key)' }),
  status: z.number().int().nullable().meta({ description: 'HTTP status when the server answered' }),
  raw: z.string().nullable().meta({ description: 'a truncated snippet of the raw answer, for protocol errors' }),
});

/** One request made to a grader model while scoring a cell (llm-rubric). */
export const graderCallSchema = z.object({
  model: z.string(),
  requestHash: z.string(),
  cached: z.boolean(),
  usage: usageSchema.nullable(),
  cost: z.number().nonnegative().nullable(),
  latencyMs: z.number().nonnegative().nullable(),
  error: z.string().nullable(),
});

/** How one request (a round) or all of a turn's requests ended: the fields rounds and turns share. */
const requestOutcomeShape = {
  finishReason: z.string().nullable(),
  usage: usageSchema.nullable(),
  latencyMs: z.number().nonnegative().nullable(),
  ttftMs: z.number().nonnegative().nullable(),
  attempts: count,
  cached: z.boolean(),
};

/** One request whose tool calls the runner answered with canned results before asking again. */
export const roundRecordSchema = z.object({
  requestHash: z.string(),
  output: z.string().nullable(),
  toolCalls: z.array(toolCallSchema),
  toolResults: z
    .array(z.object({ id: z.string(), name: z.string(), content: z.string() }))
    .meta({ description: 'the tool messages sent back, one per call, in call order' }),
  ...requestOutcomeShape,
});

/** One turn of a conversation: the user message, the tool rounds, the answer and the turn's own assertions. */
export const turnRecordSchema = z.object({
  turn: count.meta({ description: '1-based' }),
  seed: z.number().int().nullable().meta({ description: "the cell's seed plus the turn's 0-based index" }),
  requestHash: z.string().meta({ description: "cache key of the turn's first request" }),
  messages: z.array(messageSchema).meta({ description: 'the messages this turn added: the user message' }),
  rounds: z.array(roundRecordSchema),
  output: z.string().nullable(),
  toolCalls: z.array(toolCallSchema),
  ...requestOutcomeShape,
  assertions: z.array(assertionResultSchema),
  pass: z.boolean().nullable().meta({ description: 'null when the turn has no assertions of its own' }),
  score: unit.nullable(),
});

/** One finished cell: one line of `cells.jsonl`, one entry of `results.json`, one row of `results.csv`. */
export const cellRecordSchema = z.object({
  id: z.string().meta({ description: 'stable cell id: prompt/case/model#repeat, each part escaped' }),
  index: count.meta({ description: 'position in plan order (0-based, across the whole unsharded plan)' }),
  prompt: z.string(),
  case: z.string(),
  model: z.string().meta({ description: 'the model label (unique in the suite)' }),
  modelId: z.string().meta({ description: 'the model id sent to the API' }),
  repeat: count,
  seed: z.number().int().nullable(),
  requestHash: z.string().meta({ description: 'sha256 of the canonical request with the endpoint; the cache key' }),
  messages: z.array(messageSchema),
  params: z.record(z.string(), z.unknown()).meta({ description: 'parameters sent besides model and messages, keys sorted' }),
  output: z.string().nullable().meta({ description: "the final answer's text" }),
  transformedOutput: z.string().nullable().optional().meta({ description: "the final answer after the prompt's transform, which its assertions saw; null without one (absent before results.json version 4)" }),
  toolCalls: z.array(toolCallSchema).meta({ description: "the final answer's tool calls (those no canned result answered)" }),
  finishReason: z.string().nullable(),
  usage: usageSchema.nullable().meta({ description: 'summed over every request of the cell (tool rounds and turns)' }),
  servedModel: z.string().nullable(),
  systemFingerprint: z.string().nullable(),
  responseId: z.string().nullable(),
  requestId: z.string().nullable(),
  citations: z.array(citationSchema),
  latencyMs: z.number().nonnegative().nullable(),
  ttftMs: z.number().nonnegative().nullable(),
  attempts: count,
  cached: z.boolean(),
  cost: z.number().nonnegative().nullable().meta({ description: 'estimated USD, null without pricing' }),
  rounds: z.array(roundRecordSchema).meta({ description: 'tool rounds answered with canned results before the final answer' }),
  turns: z.array(turnRecordSchema).meta({ description: 'a conversation, turn by turn; empty otherwise' }),
  error: cellErrorSchema.nullable(),
  assertions: z.array(assertionResultSchema),
  graderCalls: z.array(graderCallSchema),
  pass: z.boolean().nullable().meta({ description: 'null when errored (not scored)' }),
  score: unit.nullable().meta({ description: 'weighted score in 0..1; null when errored' }),
});

const shardSchema = z.object({ index: count, count: count });

/** The options that shaped the plan, so `rescore`, `--resume` and `merge` rebuild exactly the same plan. */
export const planOptionsSchema = z.object({
  models: z.array(z.string()).nullable().meta({ description: 'the model labels or ids asked for; null for all' }),
  filter: z.string().nullable().meta({ description: 'the prompt/case glob; null for all' }),
  shard: shardSchema.nullable().meta({ description: 'the shard asked for; null for the whole plan' }),
  repeat: count.nullable().meta({ description: 'the repeat override; null for the suite\'s own' }),
  pairwise: z
    .object({
      models: z.union([z.literal('all'), z.array(z.string())]),
      reference: z.string().optional(),
      rubric: z.string(),
      grader: z.string().optional(),
    })
    .nullable()
    .optional()
    .meta({ description: 'pairwise judging asked for by a run flag instead of the suite\'s; null or absent for the suite\'s own' }),
});

/** `run.json`: written first, before any request. It holds no secret by contract. */
export const runMetaSchema = z.object({
  version: z.literal(RUN_META_VERSION),
  tool: z.object({ name: z.literal('onetoken-eval'), version: z.string() }),
  suite: z.object({ name: z.string(), path: z.string(), hash: z.string() }),
  planHash: z.string(),
  planCells: count.meta({ description: 'cells of the whole (filtered, unsharded) plan; a record\'s index is below this' }),
  cells: count.meta({ description: 'cells this run directory is responsible for (its shard of the plan)' }),
  shard: shardSchema.nullable().meta({ description: 'the part of the plan this directory covers; null for a whole or merged run' }),
  models: z.array(z.string()).meta({ description: 'model labels of the plan in plan order' }),
  plan: planOptionsSchema,
  baseUrl: z.string().meta({ description: 'the endpoint\'s base URL, or "mock" for the built-in mock server' }),
  startedAt: z.string(),
  // Optional, so version-2 files written before rescore recorded it stay valid without a version bump.
  rescoredWith: z
    .object({ path: z.string(), hash: z.string() })
    .optional()
    .meta({ description: 'the suite `rescore` last scored the recorded answers with (its path and content hash); absent when never rescored' }),
});

/** A typed error recorded on a cell instead of an answer. */
export type CellError = z.infer<typeof cellErrorSchema>;
/** One request made to a grader model while scoring a cell. */
export type GraderCall = z.infer<typeof graderCallSchema>;
/** One finished cell. */
export type CellRecord = z.infer<typeof cellRecordSchema>;
/** A tool round of a cell or turn. */
export type RoundRecord = z.infer<typeof roundRecordSchema>;
/** The canned answer sent for one tool call. */
export type ToolResultRecord = RoundRecord['toolResults'][number];
/** One turn of a conversation. */
export type TurnRecord = z.infer<typeof turnRecordSchema>;
/** The options that shaped the plan. */
export type PlanOptionsRecord = z.infer<typeof planOptionsSchema>;
/** `run.json`. */
export type RunMeta = z.infer<typeof runMetaSchema>;

/** Top-level keys of a cell in file order. */
export const CELL_KEYS = Object.keys(cellRecordSchema.shape) as (keyof CellRecord)[];

/** A copy of the record with its keys in file order, whatever order its producer built it in. */
export function orderRecord(record: CellRecord): CellRecord {
  const ordered: Record<string, unknown> = {};
  for (const key of CELL_KEYS) ordered[key] = record[key];
  return ordered as CellRecord;
}
