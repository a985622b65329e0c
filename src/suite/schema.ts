/**
 * The suite file format: the single source of validation, TypeScript types (`z.infer`) and the JSON Schema printed
 * by `onetoken-eval schema`. Shorthand forms (a model as a string, a prompt as a file path, a case as a data
 * file) are unions here; `load-suite.ts` normalises them into the resolved `Suite`.
 */
import { z } from 'zod';
import { assertionSpecSchema, jsonSchemaProblem, transformSpecSchema } from '../assert/index.js';
import { nearMissParameter } from './request-params.js';

/** Message roles Onetoken accepts in a prompt. */
export const roleSchema = z.enum(['developer', 'system', 'user', 'assistant']);

/** A JSON Schema written in the suite; compiled at load time so a broken one fails before any request. */
const jsonSchemaValue = z
  .record(z.string(), z.unknown())
  .superRefine((schema, ctx) => {
    const problem = jsonSchemaProblem(schema);
    if (problem !== undefined) ctx.addIssue({ code: 'custom', message: `invalid JSON Schema: ${problem}` });
  });

/** A function name as the API accepts it. */
export const toolNameSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'expected a tool name of 1 to 64 letters, digits, "_" or "-"');

/** `response_format: {type: json_schema, ...}`: the schema the answer must follow. */
const jsonSchemaFormat = z
  .object({
    type: z.literal('json_schema'),
    json_schema: z
      .object({ name: toolNameSchema, description: z.string().optional(), schema: jsonSchemaValue, strict: z.boolean().optional() })
      .strict(),
  })
  .strict();

/** `response_format`: `text`, `json_object`, or `json_schema`, whose schema is checked like a tool's parameters. */
const responseFormatSchema = z
  .object({ type: z.string() })
  .catchall(z.unknown())
  .superRefine((format, ctx) => {
    if (format.type !== 'json_schema') return;
    const parsed = jsonSchemaFormat.safeParse(format);
    if (parsed.success) return;
    for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  })
  .describe('text, json_object, or {type: json_schema, json_schema: {name, schema, strict}}');

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
    response_format: responseFormatSchema.optional(),
    web_search_options: z.object({}).catchall(z.unknown()).optional(),
    stream: z.boolean().optional(),
  })
  .catchall(z.unknown())
  .superRefine((params, context) => {
    for (const name of Object.keys(params)) {
      const meant = nearMissParameter(name);
      if (meant) context.addIssue({ code: 'custom', path: [name], message: `unknown request parameter "${name}" (did you mean "${meant}"?)` });
    }
  })
  .describe('request parameters sent with every call; unknown keys pass through to the API, except near misses of known ones');

/** One OpenAI function tool; `parameters` is the JSON Schema of its arguments. */
export const toolSchema = z
  .object({
    type: z.literal('function'),
    function: z
      .object({
        name: toolNameSchema,
        description: z.string().optional(),
        parameters: jsonSchemaValue.optional().describe('JSON Schema of the arguments'),
        strict: z.boolean().optional(),
      })
      .strict(),
  })
  .strict();

/** A list of tools with distinct names. */
export const toolListSchema = z.array(toolSchema).superRefine((tools, ctx) => {
  const seen = new Map<string, number>();
  tools.forEach((tool, index) => {
    const previous = seen.get(tool.function.name);
    if (previous !== undefined) {
      ctx.addIssue({ code: 'custom', path: [index, 'function', 'name'], message: `duplicate tool name "${tool.function.name}" (also [${previous}])` });
    }
    seen.set(tool.function.name, index);
  });
});

/** Tools: a list, or a YAML/JSON file holding one, relative to the suite (read and inlined at load time). */
export const toolsSchema = z
  .union([z.string().min(1).describe('a YAML or JSON file holding a list of tools, relative to the suite'), toolListSchema])
  .describe('OpenAI function tools sent with the request: {type: function, function: {name, description, parameters}}');

/** One entry of a canned result list: the result of calls whose arguments contain `arguments`. */
const cannedMatchSchema = z
  .object({
    arguments: z.record(z.string(), z.unknown()).optional().describe('a subset the call arguments must deep-equal; @default any call'),
    result: z.unknown().describe('a string (templated with {{ args.x }} and the case variables) or JSON'),
  })
  .strict();

/** The canned result of one tool: text (templated), JSON, or a list matched by arguments (first match wins). */
export const toolResultSchema = z.union([
  z.string().describe('text, templated with {{ args.<name> }} and the case variables'),
  z.array(cannedMatchSchema).min(1).describe('results matched by arguments, first match wins'),
  z.record(z.string(), z.unknown()),
  z.number(),
  z.boolean(),
]);

/** Canned tool results by tool name: when the model calls one, the runner answers it and asks again. */
export const toolResultsSchema = z
  .record(toolNameSchema, toolResultSchema)
  .describe('canned tool results by tool name; a call to a tool not listed ends the cell');

/** Tool rounds a cell may make before its answer is taken as it stands. */
const maxToolRoundsSchema = z.int().min(0).max(50).describe('tool-result round trips per turn at most; @default 5');

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
    tools: toolsSchema.optional(),
  })
  .strict();

/** A model: a hub id string, or an object. */
export const modelSchema = z.union([z.string().min(1), modelObjectSchema]);

const detailSchema = z.enum(['auto', 'low', 'high']).optional().describe("the image's detail level; @default auto");

/** One part of a message's content: text, an image file of the suite, or an image URL. */
export const contentPartSchema = z.union([
  z.object({ type: z.literal('text'), text: z.string() }).strict(),
  z
    .object({
      type: z.literal('image'),
      file: z.string().min(1).describe('PNG, JPEG, WebP or GIF under 20 MiB, relative to the suite; may use {{ var }}'),
      detail: detailSchema,
    })
    .strict(),
  z
    .object({
      type: z.literal('image_url'),
      image_url: z.object({ url: z.string().min(1), detail: detailSchema }).strict(),
    })
    .strict(),
]);

/** A message's content: text, or a list of text and image parts. */
export const contentSchema = z.union([z.string(), z.array(contentPartSchema).min(1)]);

/** One chat message of a prompt; `content` may hold `{{ var }}` placeholders. */
export const messageSchema = z.object({ role: roleSchema, content: contentSchema }).strict();

const idSchema = z
  .string()
  .min(1)
  .regex(/^[^\s/#%]+$/, 'expected an id without spaces, "/", "#" or "%"');

/** Tool options a prompt may set for its cells. */
const promptToolOptions = {
  tools: toolsSchema.optional(),
  tool_results: toolResultsSchema.optional(),
  max_tool_rounds: maxToolRoundsSchema.optional(),
};

/** One user turn of a conversation: its text (templated), or a message with its own assertions. */
export const turnSchema = z.union([
  z.string().min(1),
  z
    .object({
      role: z.literal('user').optional(),
      content: contentSchema,
      assert: z.array(assertionSpecSchema).optional().describe("assertions on this turn's answer"),
    })
    .strict(),
]);

/** A prompt: messages, a single-user-message template, or a path to a prompt file relative to the suite. */
export const promptSchema = z.union([
  z.string().min(1).describe('path to a prompt file (.txt/.md: one user message; .yaml/.json: a messages list)'),
  z
    .object({
      id: idSchema,
      messages: z.array(messageSchema).min(1),
      assert: z.array(assertionSpecSchema).optional(),
      ...promptToolOptions,
      transform: transformSpecSchema.optional().describe('what the answer becomes before all assertions; recorded as transformedOutput'),
    })
    .strict(),
  z
    .object({
      id: idSchema,
      template: z.string().min(1),
      assert: z.array(assertionSpecSchema).optional(),
      ...promptToolOptions,
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
    tool_results: toolResultsSchema.optional(),
    turns: z
      .array(turnSchema)
      .min(1)
      .optional()
      .describe('a conversation: user messages sent one after another after the prompt, each after the previous answer'),
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
    // The name is a directory under results/: "." and ".." would climb out of it (and `latest` with them).
    name: z
      .string()
      .min(1)
      .regex(/^[A-Za-z0-9._-]+$/, 'expected letters, digits, ".", "_" or "-"')
      .refine((name) => name !== '.' && name !== '..', 'expected a name usable as a directory: "." and ".." are refused'),
    description: z.string().optional(),
    models: z.array(modelSchema).min(1, 'expected at least one model'),
    defaults: paramsSchema.optional(),
    prompts: z.array(promptSchema).min(1, 'expected at least one prompt'),
    cases: z.array(caseSchema).min(1, 'expected at least one case'),
    assert: z.array(assertionSpecSchema).optional(),
    tools: toolsSchema.optional(),
    max_tool_rounds: maxToolRoundsSchema.optional(),
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
/** One tool as written. */
export type ToolSpec = z.infer<typeof toolSchema>;
/** A canned tool result as written. */
export type ToolResultSpec = z.infer<typeof toolResultSchema>;
/** One part of a message's content as written. */
export type ContentPartSpec = z.infer<typeof contentPartSchema>;
/** Pairwise judging as written. */
export type PairwiseSpec = z.infer<typeof pairwiseSchema>;
/** Request parameters. */
export type RequestParams = z.infer<typeof paramsSchema>;

/** JSON Schema of the suite format, for editors (`# yaml-language-server: $schema=...`). */
export function suiteJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(suiteFileSchema, { target: 'draft-2020-12', unrepresentable: 'any' });
  return { ...schema, title: 'onetoken-eval suite' };
}
