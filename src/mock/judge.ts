/**
 * The mock's stand-in for a pairwise judge. The runner's judge sends the grader marker and a user message
 * `Question:…Rubric:…First answer:…Second answer:…`; the mock prefers the answer covering more rubric words,
 * then (when the rubric asks for brevity) the shorter one, else calls a tie. The verdict depends on the
 * answers, not their positions, so swapped requests agree, except with the position-bias trigger.
 */
import { rubricWords } from './grader.js';

/** A rubric containing this text makes the mock judge always prefer the first answer (a position-biased judge). */
export const PREFER_FIRST_TRIGGER = 'PREFER-FIRST';

const LAYOUT = /^\s*Question:\s*\n([\s\S]*?)\n\s*\nRubric:\s*\n([\s\S]*?)\n\s*\nFirst answer:\s*\n([\s\S]*?)\n\s*\nSecond answer:\s*\n?([\s\S]*)$/;

/** True when a grader request's user message is a pairwise judging request. */
export function isJudgeRequest(userText: string): boolean {
  return /^\s*Question:\s*\n/.test(userText) && userText.includes('\n\nFirst answer:\n');
}

/** Share of the rubric words an answer contains. */
function coverage(words: string[], answer: string): number {
  if (words.length === 0) return 1;
  const haystack = answer.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  return words.filter((word) => haystack.includes(word)).length / words.length;
}

/** The verdict text for a judging request. */
export function judgePair(userText: string): string {
  const parts = LAYOUT.exec(userText);
  if (parts === null) return JSON.stringify({ better: 'tie', reason: 'The request did not contain a question and two answers.' });
  const [, , rubric, first, second] = parts;
  if (rubric.includes(PREFER_FIRST_TRIGGER)) return JSON.stringify({ better: 'first', reason: 'The first answer is shown first.' });
  const words = rubricWords(rubric);
  const [a, b] = [coverage(words, first), coverage(words, second)];
  if (a !== b) return JSON.stringify({ better: a > b ? 'first' : 'second', reason: 'It covers more of the rubric.' });
  if (/\b(concise|brief|short)/i.test(rubric) && first.trim().length !== second.trim().length) {
    return JSON.stringify({ better: first.trim().length < second.trim().length ? 'first' : 'second', reason: 'Both cover the rubric; it is more concise.' });
  }
  return JSON.stringify({ better: 'tie', reason: 'Both answers cover the rubric equally.' });
}
