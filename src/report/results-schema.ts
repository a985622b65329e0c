/**
 * The zod schemas of what the report step computes: the run summary, per-model totals and repeat groups. They are
 * the single source of those types (`z.infer`) and, with the run's record schemas, of the JSON Schema of
 * results.json (`eval/results-schema.ts`). Key order here is the order on disk.
 */
import { z } from 'zod';

/**
 * Version of the results.json layout. 2: the `run` header is run.json version 2 (a typed `plan` field instead of
 * an `args` bag). 3: each cell gains `toolCalls`, `rounds` and `turns` (tool calls, tool rounds answered with
 * canned results, conversation turns), messages may hold tool calls and content parts (images by reference),
 * assertion specs may name a `turn`; and the summary says which endpoint answered (`endpoint`), whether every
 * cell has a record (`complete`, `missingCells`) and what was spent on answers and grading (`spend`; added within
 * version 3: readers rebuild the summary from the cells, so an older version-3 file without it reads the same).
 * 4: cells carry `transformedOutput` (the answer after the prompt's transform), the summary a `pairwise` section,
 * and a `judgments` list follows the summary when the run judged pairs.
 */
export const RESULTS_VERSION = 4;

/**
 * Versions the results reader accepts (a committed version-1, -2 or -3 baseline stays usable: its cells are read
 * with no tool calls, rounds or turns as needed, no transformed output and no judgments).
 */
export const READABLE_RESULTS_VERSIONS: readonly number[] = [1, 2, 3, 4];

const count = z.number().int().nonnegative();
const unit = z.number().min(0).max(1);
const interval = z.object({ low: unit, high: unit }).meta({ description: '95% confidence interval' });

const nullableRate = unit.nullable();

/** Counts and rates over scored cells, shared by the run and each model (errors are counted apart). */
const scoredShape = {
  cells: count,
  passed: count,
  failed: count,
  errored: count,
  passRate: nullableRate,
  passRateInterval: interval.nullable(),
  meanScore: nullableRate,
  meanScoreInterval: interval.nullable(),
};

/** Tokens, cost and request counts, shared by the run and each model. */
const spendShape = {
  promptTokens: count,
  completionTokens: count,
  totalTokens: count,
  cost: z.number().nonnegative().nullable(),
  cached: count,
  attempts: count,
};

/** Totals for one model label. Rates and means are over scored cells: errors are reported apart. */
export const modelSummarySchema = z.object({
  model: z.string(),
  modelId: z.string(),
  ...scoredShape,
  latencyP50Ms: z.number().nonnegative().nullable(),
  latencyP95Ms: z.number().nonnegative().nullable(),
  ...spendShape,
  metrics: z.record(z.string(), unit),
  repeats: z.object({ groups: count, meanPassAtK: nullableRate, meanPassHatK: nullableRate }).nullable(),
});

/** One judged pair of models, from `modelA`'s side. */
export const pairSummarySchema = z.object({
  modelA: z.string(),
  modelB: z.string(),
  judged: count.meta({ description: 'judgments with a verdict (wins + ties + losses)' }),
  wins: count.meta({ description: 'rows where both orders preferred modelA' }),
  ties: count.meta({ description: 'rows judged a tie, or where the two orders disagreed' }),
  losses: count,
  errored: count.meta({ description: 'judgments whose judge request failed or could not be read' }),
  winRate: nullableRate.meta({ description: 'modelA\'s (wins + ties / 2) / judged' }),
  winRateInterval: interval.nullable(),
  pValue: unit.meta({ description: 'two-sided exact sign test of wins against losses (ties dropped)' }),
});

/** The pairwise section of the summary. */
export const pairwiseSummarySchema = z.object({
  rubric: z.string(),
  grader: z.string().nullable().meta({ description: 'the judge model; null for the suite grader' }),
  models: z.array(z.string()),
  reference: z.string().nullable(),
  judgments: count,
  errored: count,
  pairs: z.array(pairSummarySchema),
  matrix: z
    .object({ models: z.array(z.string()), winRate: z.array(z.array(nullableRate)) })
    .meta({ description: 'winRate[i][j]: how often models[i] beat models[j] (ties half); null when not judged' }),
  ranking: z
    .array(z.object({ rank: count, model: z.string(), strength: unit, strengthInterval: interval }))
    .nullable()
    .meta({ description: 'Bradley–Terry ranking with 95% bootstrap intervals (fixed seed); three or more models only' }),
});

/** The `summary` of results.json. */
export const runSummarySchema = z.object({
  version: z.number().int().meta({ description: 'the results.json version that wrote it' }),
  endpoint: z
    .object({ kind: z.enum(['mock', 'real']), baseUrl: z.string() })
    .meta({ description: 'where the answers came from: the built-in mock server or a real base URL' }),
  complete: z.boolean().meta({ description: 'false when some cell of the run has no record (killed, interrupted, stopped)' }),
  missingCells: count.meta({ description: 'cells of the run with no record; resume the run to fill them' }),
  ...scoredShape,
  ...spendShape,
  graders: z.object({
    calls: count,
    cached: count,
    errors: count,
    totalTokens: count,
    cost: z.number().nonnegative().nullable(),
  }),
  spend: z
    .object({
      answers: z.number().nonnegative().nullable(),
      graders: z.number().nonnegative().nullable(),
      total: z.number().nonnegative().nullable(),
    })
    .meta({
      description:
        'estimated USD spent: answers and grader calls, each without what the cache served (free); null without pricing. ' +
        'The progress line ends on the same total, and --max-cost counts it',
    }),
  repeatGroups: count,
  models: z.array(modelSummarySchema),
  metrics: z.record(z.string(), unit),
  pairwise: pairwiseSummarySchema.nullable().optional().meta({ description: 'pairwise judging; null without it (absent before version 4)' }),
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

/** The pairwise section of the summary. */
export type PairwiseSummary = z.infer<typeof pairwiseSummarySchema>;
/** Totals for one model label. */
export type ModelSummary = z.infer<typeof modelSummarySchema>;
/** The totals of one run: the `summary` of results.json and what `writeReports` resolves with. */
export type RunSummary = z.infer<typeof runSummarySchema>;
/** Aggregates over the repeats of one (prompt, case, model); errored repeats are counted apart, not as fails. */
export type RepeatGroup = z.infer<typeof repeatGroupSchema>;
/** Per-model consistency over repeats; present only when the run has repeats. */
export type RepeatSummary = NonNullable<ModelSummary['repeats']>;
/** Requests made to grader models while scoring (llm-rubric), over the whole run. */
export type GraderSummary = RunSummary['graders'];
