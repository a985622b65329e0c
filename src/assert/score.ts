/**
 * Scoring one answer against one assertion: find the kind, check the spec, run the scorer, apply negation and
 * write the reason. Nothing here throws: an unknown kind, an invalid spec, a scorer that throws or a grader
 * that fails all become a result with `error` set, pass false and score 0.
 */
import type { AssertionKind, Check, KindContext } from './kind.js';
import { describeIssue, formatPath } from './issue-message.js';
import { findKind, NOT_PREFIX, acceptedTypes } from './registry.js';
import { didYouMean } from '../suggest.js';
import { applyTransform, parseTransform } from './transform.js';
import type { Answer, AssertionResult, AssertionSpec } from './types.js';

/** The reason sentence for a check, negated or not; the one place negation rewrites reasons. */
function describeCheck(check: Check, isNegated: boolean): string {
  if (!isNegated) return check.holds ? check.held : `expected ${check.expected}, got ${check.got}`;
  return check.holds ? `expected not ${check.expected}, got ${check.got}` : check.missed;
}

/** A result for an assertion that could not be evaluated. */
function errorResult(type: string, spec: AssertionSpec, message: string): AssertionResult {
  return { type, pass: false, score: 0, reason: message, weight: weightOf(spec), metric: metricOf(spec), error: message };
}

/** The result of an assertion that could not be evaluated because of `message` (a failed prompt transform). */
export function failedAssertion(spec: AssertionSpec, message: string): AssertionResult {
  const rawType = typeof spec.type === 'string' ? spec.type : String(spec.type);
  const found = findKind(rawType);
  const type = found && (found.isNegated || spec.not === true) ? `${NOT_PREFIX}${found.kind.type}` : (found?.kind.type ?? rawType);
  return errorResult(type, spec, message);
}

/** The spec's weight when it is a usable number. @default 1 */
function weightOf(spec: AssertionSpec): number {
  return typeof spec.weight === 'number' && Number.isFinite(spec.weight) && spec.weight >= 0 ? spec.weight : 1;
}

/** The spec's metric name, or null. */
function metricOf(spec: AssertionSpec): string | null {
  return typeof spec.metric === 'string' && spec.metric !== '' ? spec.metric : null;
}

/** A spec's schema check by one kind: the parsed spec, or the message of its first issue. */
type SpecCheck = { kind: AssertionKind } & ({ data: unknown; problem: null } | { data: null; problem: string });

/**
 * Checks of specs already seen, by object. A run scores the same shared spec objects (suite and prompt
 * assertions without placeholders) once per cell, and re-parsing an unchanged spec with zod was a tenth of the
 * runner's CPU time at latency 0. Specs are plan data and are never mutated, so the identity is a safe key;
 * templated specs are fresh objects per cell and simply miss.
 */
const checkedSpecs = new WeakMap<AssertionSpec, SpecCheck>();

/** Parses `spec` with its kind's schema, once per spec object. */
function checkSpec(kind: AssertionKind, spec: AssertionSpec): SpecCheck {
  const cached = checkedSpecs.get(spec);
  if (cached?.kind === kind) return cached;
  const parsed = kind.schema.safeParse(spec, { error: describeIssue });
  let check: SpecCheck;
  if (parsed.success) {
    check = { kind, data: parsed.data, problem: null };
  } else {
    const [issue] = parsed.error.issues;
    const where = formatPath(issue.path);
    check = { kind, data: null, problem: `invalid ${kind.type} assertion: ${where ? `${where}: ` : ''}${issue.message}` };
  }
  checkedSpecs.set(spec, check);
  return check;
}

/** The message of anything thrown. */
function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Scores `answer` against `spec`. The result's `type` is normalised to `not-<type>` for either form of
 * negation. `context.grade` is needed by model-graded kinds only.
 */
export async function scoreAnswer(answer: Answer, spec: AssertionSpec, context: KindContext = {}): Promise<AssertionResult> {
  const rawType = typeof spec.type === 'string' ? spec.type : String(spec.type);
  const found = findKind(rawType);
  if (!found) return errorResult(rawType, spec, `unknown assertion type "${rawType}"${didYouMean(rawType, acceptedTypes())}`);
  const isNegated = found.isNegated || spec.not === true;
  const type = isNegated ? `${NOT_PREFIX}${found.kind.type}` : found.kind.type;
  // Specs normally arrive validated; checking again keeps a hand-built spec from reaching a scorer malformed.
  const parsed = checkSpec(found.kind, spec);
  if (parsed.problem !== null) return errorResult(type, spec, parsed.problem);
  let seen = answer;
  if (spec.transform !== undefined) {
    // The spec passed its schema, so the transform parses; its failure (no match, a throw) errors this assertion.
    const transform = parseTransform(spec.transform);
    if ('problem' in transform) return errorResult(type, spec, transform.problem);
    const transformed = await applyTransform(transform, answer, context);
    if (!transformed.ok) return errorResult(type, spec, transformed.error);
    seen = { ...answer, output: transformed.output };
  }
  let check: Check;
  try {
    check = await found.kind.score(seen, parsed.data, context);
  } catch (error) {
    return errorResult(type, spec, messageOf(error));
  }
  const score = check.score ?? (check.holds ? 1 : 0);
  if (!(score >= 0 && score <= 1)) return errorResult(type, spec, `internal error: ${found.kind.type} scored ${score}, outside 0..1`);
  return {
    type,
    pass: isNegated ? !check.holds : check.holds,
    score: isNegated ? 1 - score : score,
    reason: describeCheck(check, isNegated),
    weight: weightOf(spec),
    metric: metricOf(spec),
    error: null,
  };
}
