/**
 * The schema of any assertion spec: a discriminated union of every kind's strict schema on `type`. The suite
 * loader embeds it in the suite schema, and `z.toJSONSchema` turns it into the editor schema, so it holds no
 * transforms; extra checks (regex syntax, JSON Schema compilation) are refinements, which JSON Schema omits.
 */
import { z } from 'zod';
import type { AssertionKind } from './kind.js';
import { describeIssue } from './issue-message.js';
import { describeType } from './reason-text.js';
import { acceptedTypes, KINDS } from './registry.js';
import { didYouMean } from '../suggest.js';

/** One problem with an assertion spec, as data: `path` is relative to the spec. */
export interface AssertionIssue {
  path: (string | number)[];
  message: string;
}

/** The schemas of a tuple of kinds, keeping each member's type so `z.infer` yields a precise union. */
type SchemasOf<T extends readonly AssertionKind[]> = { -readonly [K in keyof T]: T[K]['schema'] };

/** Messages for the issues the union raises itself: not an object, no `type`, or an unknown `type`. */
function unionMessage(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code === 'invalid_type') return `expected an assertion object such as {type: contains, value: …}, got ${describeType(issue.input)}`;
  if (issue.code !== 'invalid_union') return undefined;
  const type = (issue.input as Record<string, unknown> | undefined)?.type;
  if (type === undefined) return 'missing assertion "type", such as "contains" or "llm-rubric"';
  if (typeof type !== 'string') return `expected assertion type to be a string, got ${describeType(type)}`;
  return `unknown assertion type "${type}"${didYouMean(type, acceptedTypes())}`;
}

/** Accepts any valid assertion spec: every kind and its `not-` variant, strict options, checked values. */
export const assertionSpecSchema = z
  .discriminatedUnion('type', KINDS.map((kind) => kind.schema) as unknown as SchemasOf<typeof KINDS>, { error: unionMessage })
  .describe('an assertion: {type, value?, ...options}; prefix the type with "not-" or set not: true to negate');

/** A spec that passed `assertionSpecSchema`. */
export type ValidAssertionSpec = z.infer<typeof assertionSpecSchema>;

/** Converts zod issues to path + message data, paths without symbols. */
function toAssertionIssues(issues: readonly z.core.$ZodIssue[]): AssertionIssue[] {
  return issues.map((issue) => ({
    path: issue.path.filter((step): step is string | number => typeof step !== 'symbol'),
    message: issue.message,
  }));
}

/**
 * Checks one assertion spec (for example from a data file) with the same rules as `assertionSpecSchema` and
 * returns every issue as data, messages in house style; an empty array means the spec is valid.
 */
export function validateAssertion(spec: unknown): AssertionIssue[] {
  const result = assertionSpecSchema.safeParse(spec, { error: describeIssue });
  return result.success ? [] : toAssertionIssues(result.error.issues);
}
