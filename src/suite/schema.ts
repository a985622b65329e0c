/**
 * The suite file format: the single source of validation, TypeScript types (`z.infer`) and the JSON Schema printed
 * by `onetoken-eval schema`. Shorthand forms (a model as a string, a prompt as a file path, a case as a data
 * file) are unions here; `load-suite.ts` normalises them into the resolved `Suite`.
 */
import { z } from 'zod';
import { assertionSpecSchema, transformSpecSchema } from '../assert/index.js';

/** Message roles Onetoken accepts in a prompt. */
export const roleSchema = z.enum(['developer', 'system', 'user', 'assistant']);

/**
 * Request parameters. The known ones are typed; any other key passes through unchanged so new API parameters work
 * without a release.
 */
export const paramsSchema = z
  .object({
    temperature: z.number().min(0).max(2).optional(),
    top_p: z.number().min(0).max(1).optional(),
    max_tokens: z.int().positive().optional(),
    frequency_penalty: z.number().min(-2).max(2).optional(),
    presence_penalty: z.number().min(-2).max(2).optional(),
    stop: z.union([z.string(), z.array(z.string()).max(4)]).optional(),
    seed: z.int().min(0).optional(),
    response_format: z.object({ type: z.string() }).catchall(z.unknown()).optional(),
    web_search_options: z.object({}).catchall(z.unknown()).optional(),
    stream: z.boolean().optional(),
  })
  .catchall(z.unknown())
  .describe('request parameters sent with every call; unknown keys pass through to the API');

/** A model as an object; `label` tells two entries with the same id apart. */
export const modelObjectSchema = z
  .object({
    id: z.string().min(1).describe('model id as copied from the Onetoken model hub'),
    label: z.string().min(1).optional().describe('name in reports; @default the id'),
    params: paramsSchema.optional(),
    omit: z.array(z.string().min(1)).optional().describe('request parameters this model refuses; never sent to it'),
    concurrency: z.int().positive().optional().describe('requests in flight to this model at most'),
    rpm: z.int().positive().optional().describe('requests per minute at most'),
    tpm: z.int().positive().optional().describe('tokens per minute at most (estimated before, corrected after)'),
  })
  .strict();

/** A model: a hub id string, or an object. */
export const modelSchema = z.union([z.string().min(1), modelObjectSchema]);

/** One chat message of a prompt; `content` may hold `{{ var }}` placeholders. */
export const messageSchema = z.object({ role: roleSchema, content: z.string() }).strict();

const idSchema = z
  .string()
  .min(1)
  .regex(/^[^\s/#%]+$/, 'expected an id without spaces, "/", "#" or "%"');

/** A prompt: messages, a single-user-message template, or a path to a prompt file relative to the suite. */
export const promptSchema = z.union([
  z.string().min(1).describe('path to a prompt file (.txt/.md: one user message; .yaml/.json: a messages list)'),
  z
    .object({
      id: idSchema,
      messages: z.array(messageSchema).min(1),
      assert: z.array(assertionSpecSchema).optional(),
      transform: transformSpecSchema.optional().describe('what the answer becomes before all assertions; recorded as transformedOutput'),
    })
    .strict(),
  z
    .object({
      id: idSchema,
      template: z.string().min(1),
      assert: z.array(assertionSpecSchema).optional(),
      transform: transformSpecSchema.optional().describe('what the answer becomes before all assertions; recorded as transformedOutput'),
    })
    .strict(),
]);

/** An inline test case. */
export const inlineCaseSchema = z
  .object({
    id: idSchema.optional().describe('@default derived from the vars, stable when cases are reordered'),
    description: z.string().optional(),
    vars: z.record(z.string(), z.unknown()).optional(),
    assert: z.array(assertionSpecSchema).optional(),
    threshold: z.number().min(0).max(1).optional().describe('pass when the weighted score reaches this'),
    seed: z.int().min(0).optional().describe('explicit seed; wins over the derived one'),
  })
  .strict();

/** Cases read from a data file: each row a case. */
export const fileCasesSchema = z
  .object({
    file: z.string().min(1).describe('CSV (header row), JSONL or YAML, relative to the suite'),
    assert: z.array(assertionSpecSchema).optional().describe('assertions for every row of this file'),
  })
  .strict();

/** A case, inline or a data file. */
export const caseSchema = z.union([fileCasesSchema, inlineCaseSchema]);

/** USD per 1M tokens. */
export const priceSchema = z.object({ input: z.number().min(0), output: z.number().min(0) }).strict();

/** Pairwise judging: which of two models' answers is better, for every row, by a grader model. */
export const pairwiseSchema = z
  .object({
    models: z.union([z.literal('all'), z.array(z.string().min(1)).min(2)]).describe('model labels to compare, or all'),
    reference: z.string().min(1).optional().describe('compare every other model with this one only; @default every pair'),
    rubric: z.string().min(1).describe('what makes one answer better than the other'),
    grader: z.string().min(1).optional().describe('judge model id; @default the suite grader, else gpt-4o-mini'),
  })
  .strict();

/** The whole suite file. */
export const suiteFileSchema = z
  .object({
    name: z.string().min(1).regex(/^[A-Za-z0-9._-]+$/, 'expected letters, digits, ".", "_" or "-"'),
    description: z.string().optional(),
    models: z.array(modelSchema).min(1, 'expected at least one model'),
    defaults: paramsSchema.optional(),
    prompts: z.array(promptSchema).min(1, 'expected at least one prompt'),
    cases: z.array(caseSchema).min(1, 'expected at least one case'),
    assert: z.array(assertionSpecSchema).optional(),
    threshold: z.number().min(0).max(1).optional(),
    repeat: z.int().positive().max(1000).optional().describe('samples per cell; @default 1'),
    seed: z.int().min(0).optional().describe("the suite's base seed; @default 0"),
    pricing: z.record(z.string(), priceSchema).optional().describe('USD per 1M input/output tokens, by model id'),
    grader: z
      .object({ model: z.string().min(1).optional(), params: paramsSchema.optional() })
      .strict()
      .optional()
      .describe('the llm-rubric grader; @default model gpt-4o-mini'),
    pairwise: pairwiseSchema.optional(),
  })
  .strict();

/** The suite file as written, after validation. */
export type SuiteFile = z.infer<typeof suiteFileSchema>;
/** Pairwise judging as written. */
export type PairwiseSpec = z.infer<typeof pairwiseSchema>;
/** Request parameters. */
export type RequestParams = z.infer<typeof paramsSchema>;

/** JSON Schema of the suite format, for editors (`# yaml-language-server: $schema=...`). */
export function suiteJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(suiteFileSchema, { target: 'draft-2020-12', unrepresentable: 'any' });
  return { ...schema, title: 'onetoken-eval suite' };
}
