/**
 * The mock's stand-in for an LLM judge. The runner's llm-rubric grader sends a system message containing
 * `onetoken-eval grader` and a user message `Rubric:\n<rubric>\n\nAnswer:\n<answer>`; the mock answers a JSON
 * verdict computed by word overlap, so grader tests are deterministic and can still fail.
 */

import { GRADER_MARKER } from '../wire/index.js';
import { gradeClosedQa, gradeFactuality } from './fact-grader.js';
import { isJudgeRequest, judgePair } from './judge.js';
import type { PlainMessage } from './validate.js';

/** An answer containing this text makes the mock grader reply with text that is not JSON. */
export const MALFORMED_GRADER_TRIGGER = 'MALFORMED-GRADER';

/** Share of rubric words that must appear in the answer for a pass. */
const PASS_THRESHOLD = 0.5;

/** Words of 4+ letters that describe the rubric itself rather than the content it asks for. */
const RUBRIC_META_WORDS = new Set(
  (
    'answer answers response reply output should must that this with from have does mentions mention mentioned ' +
    'states state says include includes contains contain correct correctly clearly which what when where there ' +
    'their about into only also than then them they some other more most least without being been were will ' +
    'would could provides provide gives give given'
  ).split(' '),
);

/** True when the request is a grading request from the runner's llm-rubric grader. */
export function isGraderRequest(messages: readonly PlainMessage[]): boolean {
  return messages.some(
    (message) => (message.role === 'system' || message.role === 'developer') && message.text.includes(GRADER_MARKER),
  );
}

/** Lower-cases and strips accents so `Brasília` in a rubric matches `Brasilia` in an answer. */
function normalize(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The distinct content words (4+ letters, no rubric meta words) of a rubric, in first-seen order. */
export function rubricWords(rubric: string): string[] {
  const words = normalize(rubric).match(/\p{L}{4,}/gu) ?? [];
  return [...new Set(words)].filter((word) => !RUBRIC_META_WORDS.has(word));
}

/** The verdict text for a grading request's user message. */
export function gradeAnswer(userText: string): string {
  if (isJudgeRequest(userText)) return judgePair(userText);
  const other = gradeFactuality(userText) ?? gradeClosedQa(userText);
  if (other !== null) return other;
  const parts = /^\s*Rubric:\s*\n([\s\S]*?)\n\s*\nAnswer:\s*\n?([\s\S]*)$/.exec(userText);
  if (parts === null) {
    return JSON.stringify({ pass: false, score: 0, reason: 'The request did not contain a Rubric and an Answer.' });
  }
  const [, rubric, answer] = parts;
  if (answer.includes(MALFORMED_GRADER_TRIGGER)) {
    return 'Verdict: PASS. The answer looks reasonable to me, score about eight out of ten.';
  }
  const words = rubricWords(rubric);
  if (words.length === 0) {
    return JSON.stringify({ pass: true, score: 1, reason: 'The rubric names no content words to look for.' });
  }
  const haystack = normalize(answer);
  const missing = words.filter((word) => !haystack.includes(word));
  const score = Math.round(((words.length - missing.length) / words.length) * 100) / 100;
  const found = words.length - missing.length;
  const reason =
    missing.length === 0
      ? `The answer covers all ${words.length} rubric terms.`
      : `The answer covers ${found} of ${words.length} rubric terms; missing: ${missing.slice(0, 8).join(', ')}.`;
  return JSON.stringify({ pass: score >= PASS_THRESHOLD, score, reason });
}
