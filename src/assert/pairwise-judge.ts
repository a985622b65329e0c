/**
 * The pairwise judging protocol, kept in one place like the grader's: the messages that ask a judge which of
 * two answers is better, the reading of its reply, and how the two orders combine. Each pair is judged twice
 * with the answers swapped; only verdicts that agree count, so a judge that favours a position yields ties.
 */
import { firstJsonFence } from './json-answer.js';
import { truncate } from './reason-text.js';
import { contentText, GRADER_MARKER, type ChatMessage } from '../wire/index.js';
import type { GraderMessage } from './types.js';

/** What one judge reply prefers, by position. */
export type JudgePreference = 'first' | 'second' | 'tie';

/** The outcome of a pair, from the first model's side: `a` won, `b` won, or a tie. */
export type PairOutcome = 'a' | 'b' | 'tie';

const SYSTEM_PROMPT = [
  `You are the ${GRADER_MARKER} acting as a pairwise judge. You compare two answers to the same question.`,
  'Judge only against the rubric; ignore the order of the answers, their length and their style unless the rubric asks for them.',
  'Reply with one JSON object and nothing else:',
  '{"better": "first" | "second" | "tie", "reason": string}',
  'where "reason" is one short sentence explaining the verdict.',
].join('\n');

/** The system and user messages asking which of `first` and `second` better answers `question` under `rubric`. */
export function buildJudgeMessages(rubric: string, question: string, first: string, second: string): GraderMessage[] {
  return [
    { role: 'system', content: SYSTEM_PROMPT },
    { role: 'user', content: `Question:\n${question}\n\nRubric:\n${rubric}\n\nFirst answer:\n${first}\n\nSecond answer:\n${second}` },
  ];
}

/** Reads a judge's reply: `{"better": "first" | "second" | "tie", "reason"}`, bare, fenced or inside prose. */
export function parseJudgeVerdict(text: string): { ok: true; better: JudgePreference; reason: string } | { ok: false; error: string } {
  const candidates = [text.trim(), firstJsonFence(text)?.trim(), text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1)];
  for (const candidate of candidates) {
    if (!candidate) continue;
    let found: unknown;
    try {
      found = JSON.parse(candidate);
    } catch {
      continue;
    }
    const { better, reason } = (found ?? {}) as Record<string, unknown>;
    if (better === 'first' || better === 'second' || better === 'tie') {
      return { ok: true, better, reason: typeof reason === 'string' && reason.trim() !== '' ? reason.trim() : 'the judge gave no reason' };
    }
  }
  return { ok: false, error: `malformed judge verdict: expected {"better": "first", "second" or "tie"}, got ${JSON.stringify(truncate(text.trim(), 80))}` };
}

/**
 * Combines the verdict with `a` shown first and the verdict with `b` shown first: they count when they agree on
 * a model, and any disagreement (including one tie) is a tie, which cancels position bias.
 */
export function combineVerdicts(aFirst: JudgePreference, bFirst: JudgePreference): PairOutcome {
  const fromA: PairOutcome = aFirst === 'first' ? 'a' : aFirst === 'second' ? 'b' : 'tie';
  const fromB: PairOutcome = bFirst === 'first' ? 'b' : bFirst === 'second' ? 'a' : 'tie';
  return fromA === fromB ? fromA : 'tie';
}

/** The question a judge sees: the cell's messages, one `role: content` paragraph each (the user turn alone bare). */
export function describeQuestion(messages: readonly ChatMessage[]): string {
  const textOf = (message: ChatMessage) => {
    // The judge sees text only: an image part is named, so the judge knows the question showed one.
    const images = Array.isArray(message.content) ? message.content.filter((part) => part.type !== 'text').length : 0;
    return `${contentText(message.content)}${images > 0 ? ` [${images} image${images > 1 ? 's' : ''}]` : ''}`;
  };
  if (messages.length === 1) return textOf(messages[0]!);
  return messages.map((message) => `${message.role}: ${textOf(message)}`).join('\n\n');
}
