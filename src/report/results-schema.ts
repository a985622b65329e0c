/**
 * The zod schema of results.json: the single source of its JSON Schema (`resultsJsonSchema`, printed by the CLI)
 * and of the key order of each cell line. Type-level checks below fail the build when a record type in
 * `src/run` or a summary type in `types.ts` drifts from this schema, so the file format cannot change silently.
 */
import { z } from 'zod';
import type { AssertionResult } from '../assert/index.js';
import type { CellRecord, RunMeta } from '../run/index.js';
import type { ModelSummary, RepeatGroup, RunSummary } from './types.js';

/** Version of the results.json layout. */
export const RESULTS_VERSION = 1;

const count = z.number().int().nonnegative();
const unit = z.number().min(0).max(1);
const interval = z.object({ low: unit, high: unit }).meta({ description: '95% confidence interval' });

const usage = z.object({ promptTokens: count, completionTokens: count, totalTokens: count });

const assertionResult = z.object({
  type: z.string(),
  pass: z.boolean(),
  score: unit,
  reason: z.string(),
  weight: z.number(),
  metric: z.string().nullable(),
  error: z.string().nullable(),
});

/** One cell: keys in `CellRecord` order, which is the order on disk. */
export const cellRecordSchema = z.object({
  id: z.string(),
  index: count,
  prompt: z.string(),
  case: z.string(),
  model: z.string(),
  modelId: z.string(),
  repeat: count,
  seed: z.number().int().nullable(),
  requestHash: z.string(),
  messages: z.array(
    z.object({ role: z.enum(['developer', 'system', 'user', 'assistant']), content: z.string() }),
  ),
  params: z.record(z.string(), z.unknown()),
  output: z.string().nullable(),
  finishReason: z.string().nullable(),
  usage: usage.nullable(),
  servedModel: z.string().nullable(),
  systemFingerprint: z.string().nullable(),
  responseId: z.string().nullable(),
  requestId: z.string().nullable(),
  citations: z.array(
    z.object({ url: z.string(), title: z.string().nullable(), startIndex: z.number().nullable(), endIndex: z.number().nullable() }),
  ),
  latencyMs: z.number().nonnegative().nullable(),
  ttftMs: z.number().nonnegative().nullable(),
  attempts: count,
  cached: z.boolean(),
  cost: z.number().nonnegative().nullable(),
  error: z
    .object({ code: z.string(), message: z.string(), status: z.number().int().nullable(), raw: z.string().nullable() })
    .nullable(),
  assertions: z.array(assertionResult),
  graderCalls: z.array(
    z.object({
      model: z.string(),
      requestHash: z.string(),
      cached: z.boolean(),
      usage: usage.nullable(),
      cost: z.number().nonnegative().nullable(),
      latencyMs: z.number().nonnegative().nullable(),
      error: z.string().nullable(),
    }),
  ),
  pass: z.boolean().nullable().meta({ description: 'null when errored (not scored)' }),
  score: unit.nullable(),
});

/** run.json, copied whole: it holds no secret by contract. */
export const runMetaSchema = z.object({
  version: z.number().int(),
  tool: z.object({ name: z.literal('onetoken-eval'), version: z.string() }),
  suite: z.object({ name: z.string(), path: z.string(), hash: z.string() }),
  planHash: z.string(),
  planCells: count,
  cells: count,
  shard: z.object({ index: count, count: count }).nullable(),
  models: z.array(z.string()),
  args: z.record(z.string(), z.unknown()),
  baseUrl: z.string(),
  startedAt: z.string(),
});

const nullableRate = unit.nullable();

const modelSummarySchema = z.object({
  model: z.string(),
  modelId: z.string(),
  cells: count,
  passed: count,
  failed: count,
  errored: count,
  passRate: nullableRate,
  passRateInterval: interval.nullable(),
  meanScore: nullableRate,
  meanScoreInterval: interval.nullable(),
  latencyP50Ms: z.number().nonnegative().nullable(),
  latencyP95Ms: z.number().nonnegative().nullable(),
  promptTokens: count,
  completionTokens: count,
  totalTokens: count,
  cost: z.number().nonnegative().nullable(),
  cached: count,
  attempts: count,
  metrics: z.record(z.string(), unit),
  repeats: z.object({ groups: count, meanPassAtK: nullableRate, meanPassHatK: nullableRate }).nullable(),
});

/** The `summary` of results.json. */
export const runSummarySchema = z.object({
  version: z.literal(RESULTS_VERSION),
  cells: count,
  passed: count,
  failed: count,
  errored: count,
  passRate: nullableRate,
  passRateInterval: interval.nullable(),
  meanScore: nullableRate,
  meanScoreInterval: interval.nullable(),
  promptTokens: count,
  completionTokens: count,
  totalTokens: count,
  cost: z.number().nonnegative().nullable(),
  cached: count,
  attempts: count,
  graders: z.object({
    calls: count,
    cached: count,
    errors: count,
    totalTokens: count,
    cost: z.number().nonnegative().nullable(),
  }),
  repeatGroups: count,
  models: z.array(modelSummarySchema),
  metrics: z.record(z.string(), unit),
});

/** One (prompt, case, model) group of repeats. */
export const repeatGroupSchema = z.object({
  prompt: z.string(),
  case: z.string(),
  model: z.string(),
  modelId: z.string(),
  cells: count,
  n: count,
  passed: count,
  errored: count,
  meanScore: nullableRate,
  meanScoreInterval: interval.nullable(),
  k: count,
  passAtK: nullableRate,
  passHatK: nullableRate,
});

/** The whole results.json file. */
export const resultsFileSchema = z
  .object({
    version: z.literal(RESULTS_VERSION),
    run: runMetaSchema,
    cells: z.array(cellRecordSchema).meta({ description: 'one cell per line, in plan order' }),
    summary: runSummarySchema,
    repeatGroups: z
      .array(repeatGroupSchema)
      .optional()
      .meta({ description: 'present when any cell has repeat > 0; one group per line' }),
  })
  .meta({ title: 'onetoken-eval results.json', description: 'results of one run, version 1' });

/** JSON Schema (draft-07) of results.json. */
export const resultsJsonSchema: object = z.toJSONSchema(resultsFileSchema, { target: 'draft-7' });

/** Top-level keys of a cell in `CellRecord` order: each line of results.json is written in this order. */
export const CELL_KEYS = Object.keys(cellRecordSchema.shape) as (keyof CellRecord)[];

// Both directions of assignability: a field added, removed or retyped on either side fails `tsc`.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesTypes: [
  Same<z.infer<typeof cellRecordSchema>, CellRecord>,
  Same<z.infer<typeof assertionResult>, AssertionResult>,
  Same<z.infer<typeof runMetaSchema>, RunMeta>,
  Same<z.infer<typeof runSummarySchema>, RunSummary>,
  Same<z.infer<typeof modelSummarySchema>, ModelSummary>,
  Same<z.infer<typeof repeatGroupSchema>, RepeatGroup>,
] = [true, true, true, true, true, true];
void schemaMatchesTypes;
