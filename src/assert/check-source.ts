/**
 * Where the code of a `javascript` assertion or a JavaScript transform comes from, and the checks made on it
 * before anything runs: exactly one of `file` and `value`, `function` only with `file`, an expression that
 * parses, and no `{{ }}` placeholders, because a placeholder would paste case data into code.
 */
import type { AssertionIssue } from './schema.js';
import type { CheckSource } from './types.js';

/** The constructor of async functions, to parse an expression without running it. */
const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (...args: string[]) => unknown;

/** The body an inline expression becomes: `output` and `context` are its parameters. */
export function expressionBody(expression: string): string {
  // The newline keeps a trailing `// comment` in the expression from swallowing the closing parenthesis.
  return `return (${expression}\n);`;
}

/** Why an expression does not parse, or undefined when it does. Parsing runs none of it. */
function expressionProblem(expression: string): string | undefined {
  try {
    new AsyncFunction('output', 'context', expressionBody(expression));
    return undefined;
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    return text.charAt(0).toLowerCase() + text.slice(1);
  }
}

const PLACEHOLDER = /\{\{[^}]*\}\}/;

/** The spec fields that say where code lives. */
export interface CodeFields {
  value?: string;
  file?: string;
  function?: string;
}

/** Every problem with where a spec's code comes from, as data with paths relative to the spec. */
export function checkSourceIssues(spec: CodeFields): AssertionIssue[] {
  const issues: AssertionIssue[] = [];
  if (spec.value === undefined && spec.file === undefined) {
    issues.push({ path: [], message: 'expected "file" (a module with the check) or "value" (an expression), got neither' });
  } else if (spec.value !== undefined && spec.file !== undefined) {
    issues.push({ path: ['value'], message: 'give either "file" or "value", not both' });
  }
  if (spec.function !== undefined && spec.file === undefined) issues.push({ path: ['function'], message: '"function" names an export of "file", which is missing' });
  for (const key of ['value', 'file', 'function'] as const) {
    if (spec[key] !== undefined && PLACEHOLDER.test(spec[key])) {
      issues.push({ path: [key], message: 'code may not hold {{ }} placeholders, which would paste case data into it: read context.vars instead' });
    }
  }
  if (spec.value !== undefined && !PLACEHOLDER.test(spec.value)) {
    const problem = expressionProblem(spec.value);
    if (problem !== undefined) issues.push({ path: ['value'], message: `invalid JavaScript expression: ${problem}` });
  }
  return issues;
}

/** The check source of a valid spec. */
export function sourceOf(spec: CodeFields): CheckSource {
  if (spec.file !== undefined) return { file: spec.file, function: spec.function ?? null };
  return { expression: spec.value ?? '' };
}
