/**
 * Transforms: what an answer becomes before assertions look at it. On an assertion (`transform` is a common
 * option) it applies to that assertion alone; on a prompt it applies before all of the prompt's assertions and
 * the result is recorded as `transformedOutput`. Built-ins are pure (a `regex` pattern runs through the injected
 * matcher, under the same time limit as the `regex` kind); a JavaScript function runs through the injected check
 * runner, under the same worker rules as `javascript` assertions.
 */
import { z } from 'zod';
import { checkContext, DEFAULT_CHECK_TIMEOUT_MS, describeSource } from './check-context.js';
import { checkSourceIssues, sourceOf } from './check-source.js';
import { readJsonAnswer } from './json-answer.js';
import { formatJsonPath, parseJsonPath, resolveJsonPath } from './json-path.js';
import type { KindContext } from './kind.js';
import { quote } from './reason-text.js';
import type { Answer, CheckSource } from './types.js';

/** Built-ins written as a bare name. */
const NAMED = ['trim', 'lowercase', 'json'] as const;

/** A transform as written: a name, `json-path: $.a.b` / `regex: "pattern"`, or an object of one of those or `{file, function}`. */
export const transformSpecSchema = z
  .union([
    z.string().min(1),
    z.strictObject({
      'json-path': z.string().optional().describe('the value at this path of the answer JSON'),
      regex: z.string().optional().describe('group 1 of the first match, or the whole match'),
      file: z.string().min(1).optional().describe('a JavaScript module relative to the suite'),
      function: z.string().min(1).optional().describe('its exported function; @default the default export'),
      timeoutMs: z.int().positive().optional().describe('time limit of one call, in milliseconds; @default 5000'),
    }),
  ])
  .describe('trim, lowercase, json, "json-path: $.a.b", "regex: pattern", or {file, function}: a JavaScript function (output, context)')
  .superRefine((spec, ctx) => {
    const parsed = parseTransform(spec);
    if ('problem' in parsed) ctx.addIssue({ code: 'custom', path: parsed.path, message: parsed.problem });
  });

/** A transform as written. */
export type TransformSpec = z.infer<typeof transformSpecSchema>;

/** A transform, normalised. */
export type Transform =
  | { kind: 'trim' | 'lowercase' | 'json' }
  | { kind: 'json-path'; path: string }
  | { kind: 'regex'; pattern: string }
  | { kind: 'javascript'; source: CheckSource; timeoutMs: number };

/** Why `new RegExp` refuses a pattern, or undefined. */
function regexProblem(pattern: string): string | undefined {
  try {
    new RegExp(pattern);
    return undefined;
  } catch (error) {
    return (error instanceof Error ? error.message : String(error)).replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '').toLowerCase();
  }
}

/** Normalises a written transform, or says what is wrong with it (path relative to the transform). */
export function parseTransform(spec: unknown): Transform | { problem: string; path: (string | number)[] } {
  const expected = 'expected trim, lowercase, json, "json-path: <path>", "regex: <pattern>" or {file, function}';
  if (typeof spec === 'string') {
    const text = spec.trim();
    if ((NAMED as readonly string[]).includes(text)) return { kind: text as (typeof NAMED)[number] };
    const colon = text.indexOf(':');
    const name = colon > 0 ? text.slice(0, colon).trim() : '';
    const argument = text.slice(colon + 1).trim().replace(/^"(.*)"$/s, '$1');
    if (name === 'json-path' || name === 'regex') return parseTransform({ [name]: argument });
    return { problem: `unknown transform ${quote(spec)}: ${expected}`, path: [] };
  }
  if (typeof spec !== 'object' || spec === null) return { problem: `${expected}, got ${typeof spec}`, path: [] };
  const object = spec as { 'json-path'?: string; regex?: string; file?: string; function?: string; timeoutMs?: number };
  const given = (['json-path', 'regex', 'file'] as const).filter((key) => object[key] !== undefined);
  if (given.length !== 1) return { problem: `${expected}: give exactly one of "json-path", "regex" and "file"`, path: [] };
  if (object.function !== undefined && object.file === undefined) return { problem: '"function" names an export of "file", which is missing', path: ['function'] };
  if (object.timeoutMs !== undefined && object.file === undefined) return { problem: '"timeoutMs" limits a JavaScript transform, which needs "file"', path: ['timeoutMs'] };
  if (object['json-path'] !== undefined) {
    const parsed = parseJsonPath(object['json-path']);
    return parsed.ok ? { kind: 'json-path', path: object['json-path'] } : { problem: `invalid path ${quote(object['json-path'])}: ${parsed.problem}`, path: ['json-path'] };
  }
  if (object.regex !== undefined) {
    const problem = regexProblem(object.regex);
    return problem === undefined ? { kind: 'regex', pattern: object.regex } : { problem: `invalid regex: ${problem}`, path: ['regex'] };
  }
  const [issue] = checkSourceIssues({ file: object.file, function: object.function });
  if (issue) return { problem: issue.message, path: issue.path };
  return { kind: 'javascript', source: sourceOf(object), timeoutMs: object.timeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS };
}

/** A transform named for reasons: `json-path $.a.b`, `checks/x.mjs#pick`. */
export function describeTransform(transform: Transform): string {
  if (transform.kind === 'json-path') return `json-path ${transform.path}`;
  if (transform.kind === 'regex') return `regex /${transform.pattern}/`;
  if (transform.kind === 'javascript') return describeSource(transform.source);
  return transform.kind;
}

/** A value as answer text: strings as they are, anything else as compact JSON. */
function asText(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
}

/** The outcome of a transform: the new answer text, or why there is none. */
export type TransformOutcome = { ok: true; output: string } | { ok: false; error: string };

/** Applies one transform to an answer's text; never throws. */
export async function applyTransform(transform: Transform, answer: Answer, context: KindContext): Promise<TransformOutcome> {
  const text = answer.output;
  const fail = (why: string): TransformOutcome => ({ ok: false, error: `transform ${describeTransform(transform)}: ${why}` });
  switch (transform.kind) {
    case 'trim':
      return { ok: true, output: text.trim() };
    case 'lowercase':
      return { ok: true, output: text.toLowerCase() };
    case 'json': {
      const json = readJsonAnswer(text);
      return json.ok ? { ok: true, output: asText(json.value) } : fail(json.problem);
    }
    case 'json-path': {
      const json = readJsonAnswer(text);
      if (!json.ok) return fail(json.problem);
      const parsed = parseJsonPath(transform.path);
      if (!parsed.ok) return fail(parsed.problem);
      const found = resolveJsonPath(json.value, parsed.steps);
      return found.found ? { ok: true, output: asText(found.value) } : fail(`nothing at ${found.at} (looked for ${formatJsonPath(parsed.steps)})`);
    }
    case 'regex': {
      let captured: string | null;
      if (context.capture) {
        // The user's pattern runs under the runner's time limit, like the `regex` kind's.
        try {
          captured = await context.capture(transform.pattern, undefined, text);
        } catch (error) {
          return fail(error instanceof Error ? error.message : String(error));
        }
      } else {
        const match = new RegExp(transform.pattern).exec(text);
        captured = match === null ? null : (match[1] ?? match[0]);
      }
      return captured === null ? fail(`no match in ${quote(text)}`) : { ok: true, output: captured };
    }
    case 'javascript': {
      if (context.runCheck === undefined) return fail('needs a check runner, and none was given');
      const outcome = await context.runCheck({ source: transform.source, output: text, context: checkContext(answer, context, undefined), timeoutMs: transform.timeoutMs });
      if (!outcome.ok) return fail(outcome.error);
      if (outcome.value === undefined) return fail('returned undefined (did the function forget to return?)');
      return { ok: true, output: asText(outcome.value) };
    }
  }
}
