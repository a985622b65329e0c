/**
 * The contract every assertion kind implements: its spec shape (a zod schema, also the JSON Schema users see)
 * and its scorer. A new kind is one file in `kinds/` plus one line in `registry.ts`.
 */
import { z } from 'zod';
import { didYouMean } from '../suggest.js';
import { transformSpecSchema } from './transform.js';
import type { Answer, CaptureFn, CellFacts, GradeFn, MatchFn, RunCheckFn } from './types.js';

/** What a scorer may use besides the answer; injected by the runner so that scoring stays pure. */
export interface KindContext {
  /** Sends grader requests (llm-rubric); absent when the caller has no grader. */
  grade?: GradeFn;
  /** The case's variables, for kinds that need more than the templated spec. */
  vars?: Record<string, unknown>;
  /**
   * Runs a user's regular expression with a time limit (the runner's worker thread), so a backtracking pattern
   * cannot freeze the process. @default an in-thread `RegExp` (pure callers with trusted patterns)
   */
  match?: MatchFn;
  /** Finds a match of the `regex` transform's pattern under the same time limit. @default an in-thread `RegExp` */
  capture?: CaptureFn;
  /** Runs JavaScript checks and transforms (worker threads); absent when the caller cannot run code. */
  runCheck?: RunCheckFn;
  /** The cell the answer belongs to, for the `context` of JavaScript checks. */
  cell?: CellFacts;
}

/**
 * What a kind found, before negation. The reason for the result is built from these phrases in one place
 * (`score.ts`), which is how negation can rewrite it: "expected not to contain "x", got …".
 */
export interface Check {
  /** Whether the kind's condition holds. */
  holds: boolean;
  /** Score in 0..1. @default 1 when `holds`, else 0 */
  score?: number;
  /** What was expected, as the words after "expected", starting with "to": `to contain "Paris"`. */
  expected: string;
  /** What was found, as the words after "got": `"The capital is Lyon…"`. */
  got: string;
  /** The sentence when the condition holds: `contains "Paris"`. */
  held: string;
  /** The sentence when it does not: `does not contain "Paris"`. */
  missed: string;
}

/** One assertion kind: its `type`, the schema of its spec and its scorer. */
export interface AssertionKind<S extends z.ZodType = z.ZodType> {
  /** The name used in suites (`contains`); `not-<type>` is its negation. */
  readonly type: string;
  /** One line for the reference table: what passes. */
  readonly description: string;
  /** Strict schema of the whole spec, including `type`, `value`, options and the common options. */
  readonly schema: S;
  /** Scores an answer against a spec that passed `schema`; may throw, the caller turns that into `error`. */
  score(answer: Answer, spec: z.infer<S>, context: KindContext): Check | Promise<Check>;
  /** Spec fields from the argument of a `type:argument` shorthand. @default `{ value: argument }` */
  shorthand?(argument: string): Record<string, unknown>;
}

/** Options every kind accepts. */
const commonOptions = {
  not: z.boolean().optional().describe('negate the assertion: pass becomes fail and score becomes 1 - score'),
  weight: z.number().min(0).optional().describe('relative weight in the case score; 0 makes it informational (default 1)'),
  metric: z.string().min(1).optional().describe('name to aggregate this assertion score under'),
  turn: z.int().min(1).optional().describe("conversations: score turn N's answer (1-based) instead of the final one"),
  transform: transformSpecSchema.optional().describe('what the answer becomes before this assertion looks at it'),
};

/** Names of the common options, which every kind accepts. */
export const COMMON_OPTIONS: readonly string[] = ['type', ...Object.keys(commonOptions)];

/**
 * The strict spec schema of a kind: `type` is `<type>` or `not-<type>`, then the common options and `shape`.
 * Unknown options are issues with a "did you mean" hint, and `not: true` with a `not-` type is rejected
 * because the double negation is almost certainly a mistake.
 */
export function kindSchema<T extends string, S extends z.core.$ZodLooseShape>(type: T, description: string, shape: S) {
  const allowed = [...COMMON_OPTIONS, ...Object.keys(shape)];
  return z
    .strictObject(
      { type: z.enum([type, `not-${type}`] as [T, `not-${T}`]), ...commonOptions, ...shape },
      {
        error: (issue) =>
          issue.code === 'unrecognized_keys'
            ? issue.keys.map((key) => `unknown option "${key}" for ${type}${didYouMean(key, allowed)}`).join('; ')
            : undefined,
      },
    )
    .describe(`${type}: ${description}`)
    .superRefine((parsed, ctx) => {
      // The generic shape hides the common fields from inference; they are always there.
      const spec = parsed as { type: string; not?: boolean };
      if (spec.not === true && spec.type.startsWith('not-')) {
        ctx.addIssue({ code: 'custom', path: ['not'], message: `"not: true" with type "${spec.type}" negates twice; use one of them` });
      }
    });
}

/** Typed identity: lets each kind file infer its spec type from its schema. */
export function defineKind<S extends z.ZodType>(kind: AssertionKind<S>): AssertionKind<S> {
  return kind;
}
