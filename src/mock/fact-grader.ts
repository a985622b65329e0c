/**
 * The mock's stand-ins for the `factuality` and `model-graded-closedqa` graders, deterministic like its rubric
 * grader. Factuality compares the content words of the answer and the reference: the same text is "same" (C),
 * the same words "irrelevant differences" (E), more words "superset" (B), fewer "subset" (A), else "disagrees"
 * (D). Closed QA says yes when the answer holds at least half of the criterion's content words.
 */
import { rubricWords } from './grader.js';

const FACTUALITY_LAYOUT = /^\s*Reference:\s*\n([\s\S]*?)\n\s*\nAnswer:\s*\n?([\s\S]*)$/;
const CLOSEDQA_LAYOUT = /^\s*Criterion:\s*\n([\s\S]*?)\n\s*\nAnswer:\s*\n?([\s\S]*)$/;

/** Text without accents, case and punctuation, for comparing. */
function plain(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** The factuality verdict for a `Reference:…Answer:…` message, or null when the message is not one. */
export function gradeFactuality(userText: string): string | null {
  const parts = FACTUALITY_LAYOUT.exec(userText);
  if (parts === null) return null;
  const [, reference, answer] = parts;
  const expected = new Set(rubricWords(reference));
  const found = new Set(rubricWords(answer));
  const missing = [...expected].filter((word) => !found.has(word));
  const extra = [...found].filter((word) => !expected.has(word));
  let category: string;
  if (plain(reference) === plain(answer)) category = 'C';
  else if (missing.length === 0 && extra.length === 0) category = 'E';
  else if (missing.length === 0) category = 'B';
  else if (extra.length === 0 && found.size > 0) category = 'A';
  else category = 'D';
  const reason = missing.length > 0 ? `The answer lacks ${missing.slice(0, 5).join(', ')}.` : `The answer holds every reference term.`;
  return JSON.stringify({ category, reason });
}

/** The closed-QA verdict for a `Criterion:…Answer:…` message, or null when the message is not one. */
export function gradeClosedQa(userText: string): string | null {
  const parts = CLOSEDQA_LAYOUT.exec(userText);
  if (parts === null) return null;
  const [, criterion, answer] = parts;
  const words = rubricWords(criterion);
  const haystack = plain(answer);
  const held = words.filter((word) => haystack.includes(word)).length;
  const pass = words.length === 0 || held / words.length >= 0.5;
  return JSON.stringify({ pass, reason: `The answer holds ${held} of ${words.length} criterion terms.` });
}
