/**
 * A cell's exchange as plain text for the human-readable reports: the answer, and for tool loops and
 * conversations every step (user turns, the calls made, the canned results sent back, the answers), so a
 * reviewer sees why the final answer is what it is. Images are shown by reference, never as bytes.
 */
import { answerText } from '../../wire/index.js';
import type { CellRecord, RoundRecord } from '../../run/index.js';

/** The text of a message's content: the string, or its text parts with images as `[image <file>]`. */
export function contentOf(content: CellRecord['messages'][number]['content']): string {
  if (content === null) return '';
  if (typeof content === 'string') return content;
  return content.map((part) => (part.type === 'text' ? part.text : part.type === 'image' ? `[image ${part.file}]` : '[image]')).join(' ');
}

/** The lines of tool rounds: each round's calls, then each canned result sent back. */
function roundLines(rounds: readonly RoundRecord[]): string[] {
  const lines: string[] = [];
  for (const round of rounds) {
    lines.push(`assistant: ${answerText(round.output, round.toolCalls)}`);
    for (const result of round.toolResults) lines.push(`tool ${result.name}: ${result.content}`);
  }
  return lines;
}

/**
 * The transcript of a cell: just the answer for a plain cell, `user:`/`assistant:`/`tool <name>:` lines for
 * tool loops and conversations; null when the cell has no answer and no turn.
 */
export function cellTranscript(record: CellRecord): string | null {
  const turns = record.turns ?? [];
  const rounds = record.rounds ?? [];
  if (turns.length === 0 && rounds.length === 0) return record.output === null ? null : answerText(record.output, record.toolCalls);
  const lines: string[] = [];
  if (turns.length === 0) {
    lines.push(...roundLines(rounds));
    if (record.output !== null) lines.push(`assistant: ${answerText(record.output, record.toolCalls)}`);
    return lines.join('\n');
  }
  for (const turn of turns) {
    for (const message of turn.messages) lines.push(`${message.role}: ${contentOf(message.content)}`);
    lines.push(...roundLines(turn.rounds));
    lines.push(`assistant: ${answerText(turn.output, turn.toolCalls)}`);
  }
  return lines.join('\n');
}

/** A cell's failed assertions with turn assertions named by their turn (`turn 2 · icontains`). */
export function failedAssertions(record: CellRecord): { type: string; reason: string }[] {
  const failed = record.assertions.filter((assertion) => !assertion.pass).map((assertion) => ({ type: assertion.type, reason: assertion.error ?? assertion.reason }));
  for (const turn of record.turns ?? []) {
    for (const assertion of turn.assertions) {
      if (!assertion.pass) failed.push({ type: `turn ${turn.turn} · ${assertion.type}`, reason: assertion.error ?? assertion.reason });
    }
  }
  return failed;
}
