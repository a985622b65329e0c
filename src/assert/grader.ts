/**
 * The model-graded protocol, kept in one place: the messages sent to the grader and the reading of its verdict.
 * The mock server recognises grader requests by the marker in the system message and the exact user message
 * layout, so both are part of the contract.
 */
import { firstJsonFence } from './json-answer.js';
import { truncate } from './reason-text.js';
import { GRADER_MARKER } from '../wire/index.js';
import type { GraderMessage } from './types.js';

/** Grader model used when neither the assertion nor the suite names one. */
export const DEFAULT_GRADER_MODEL = 'gpt-4o-mini';

/** Assertion kinds scored by a grader model. */
const MODEL_GRADED_TYPES: ReadonlySet<string> = new Set(['llm-rubric', 'factuality', 'model-graded-closedqa']);

/** True when the assertion is scored by a grader model (`llm-rubric`, `factuality`, `model-graded-closedqa`, or a negation): it may make a request. */
export function isModelGraded(spec: { type: string }): boolean {
  return MODEL_GRADED_TYPES.has(spec.type.startsWith('not-') ? spec.type.slice(4) : spec.type);
}

/** A grader's decision about one answer. */
export interface GraderVerdict {
  pass: boolean;
  /** In 0..1. */
  score: number;
  reason: string;
}

const SYSTEM_PROMPT = [
  `You are the ${GRADER_MARKER}. You judge whether an answer satisfies a rubric.`,
  'Judge only against the rubric; do not reward length or style the rubric does not ask for.',
  'Reply with one JSON object and nothing else:',
  '{"pass": boolean, "score": number between 0 and 1, "reason": string}',
  'where "reason" is one short sentence explaining the verdict.',
].join('\n');

/** The system and user messages of a grader request for `rubric` and `answer`. */
export function buildGraderMessages(rubric: string, answer: string): GraderMessage[] {
  return [
    { role: 'system', content: SYSTEM_PROMPT },
    { role: 'user', content: `Rubric:\n${rubric}\n\nAnswer:\n${answer}` },
  ];
}

/** The verdict object in a grader's text: bare JSON, a fenced block, or the outermost `{…}` in prose. */
function findVerdictJson(text: string): unknown {
  const candidates = [text.trim(), firstJsonFence(text)?.trim(), text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1)];
  for (const candidate of candidates) {
    if (!candidate) continue;
    try {
      return JSON.parse(candidate) as unknown;
    } catch {
      // Try the next, looser reading.
    }
  }
  return undefined;
}

/**
 * Reads a grader's reply tolerantly. A missing score is taken from `pass` (1 or 0); a missing pass, a score
 * outside 0..1 or a reply without a JSON object makes the verdict malformed, returned as `ok: false`.
 */
export function parseGraderVerdict(text: string): { ok: true; verdict: GraderVerdict } | { ok: false; error: string } {
  const found = findVerdictJson(text);
  const shown = JSON.stringify(truncate(text.trim(), 80));
  if (typeof found !== 'object' || found === null || Array.isArray(found)) {
    return { ok: false, error: `malformed grader verdict: expected a JSON object, got ${shown}` };
  }
  const { pass, score, reason } = found as Record<string, unknown>;
  if (typeof pass !== 'boolean') {
    return { ok: false, error: `malformed grader verdict: expected "pass" to be true or false, got ${shown}` };
  }
  const value = score === undefined ? (pass ? 1 : 0) : score;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) {
    return { ok: false, error: `malformed grader verdict: expected "score" in 0..1, got ${JSON.stringify(score)}` };
  }
  const because = typeof reason === 'string' && reason.trim() !== '' ? reason.trim() : 'the grader gave no reason';
  return { ok: true, verdict: { pass, score: value, reason: because } };
}

/** The factuality categories of the OpenAI evals `fact` template, by the letter the grader answers. */
export const FACTUALITY_CATEGORIES = {
  A: { name: 'subset', description: 'the answer is a subset of the reference and fully consistent with it', pass: true },
  B: { name: 'superset', description: 'the answer is a superset of the reference and fully consistent with it', pass: true },
  C: { name: 'same', description: 'the answer contains all the same details as the reference', pass: true },
  D: { name: 'disagrees', description: 'there is a disagreement between the answer and the reference', pass: false },
  E: { name: 'differs only in irrelevant details', description: 'the answers differ, but not in anything that matters for factuality', pass: true },
} as const;

/** A factuality category letter. */
export type FactualityCategory = keyof typeof FACTUALITY_CATEGORIES;

const FACTUALITY_PROMPT = [
  `You are the ${GRADER_MARKER} judging factuality. You compare a submitted answer with an expert reference answer.`,
  'Ignore differences in style, grammar or punctuation. Pick one category:',
  ...Object.entries(FACTUALITY_CATEGORIES).map(([letter, category]) => `(${letter}) ${category.description}`),
  'Reply with one JSON object and nothing else: {"category": "A" | "B" | "C" | "D" | "E", "reason": string}',
].join('\n');

/** The messages asking whether `answer` is consistent with the reference answer. */
export function buildFactualityMessages(reference: string, answer: string): GraderMessage[] {
  return [
    { role: 'system', content: FACTUALITY_PROMPT },
    { role: 'user', content: `Reference:\n${reference}\n\nAnswer:\n${answer}` },
  ];
}

/** Reads a factuality reply: `{"category": "A".."E", "reason"}`, bare, fenced or inside prose. */
export function parseFactualityVerdict(text: string): { ok: true; category: FactualityCategory; reason: string } | { ok: false; error: string } {
  const found = findVerdictJson(text) as Record<string, unknown> | undefined;
  const category = typeof found?.category === 'string' ? found.category.trim().toUpperCase() : undefined;
  if (category === undefined || !(category in FACTUALITY_CATEGORIES)) {
    return { ok: false, error: `malformed factuality verdict: expected {"category": "A" to "E"}, got ${JSON.stringify(truncate(text.trim(), 80))}` };
  }
  const reason = typeof found?.reason === 'string' && found.reason.trim() !== '' ? found.reason.trim() : 'the grader gave no reason';
  return { ok: true, category: category as FactualityCategory, reason };
}

const CLOSEDQA_PROMPT = [
  `You are the ${GRADER_MARKER} judging a closed question. You decide whether an answer meets a criterion, yes or no.`,
  'Reply with one JSON object and nothing else: {"pass": boolean, "reason": string}',
  'where "reason" is one short sentence explaining the verdict.',
].join('\n');

/** The messages asking whether `answer` meets `criterion`. */
export function buildClosedQaMessages(criterion: string, answer: string): GraderMessage[] {
  return [
    { role: 'system', content: CLOSEDQA_PROMPT },
    { role: 'user', content: `Criterion:\n${criterion}\n\nAnswer:\n${answer}` },
  ];
}
