/**
 * Reading JSON out of a model's answer. Models asked for JSON often wrap it in a Markdown fence, so when the
 * whole answer is not JSON the first fenced block tagged `json` (or untagged) is tried. The grader verdict
 * parser uses the same reading.
 */
import { truncate } from './reason-text.js';

/** JSON read from an answer, or why none could be read. */
export type JsonAnswer =
  | { ok: true; value: unknown; /** True when taken from a fenced block rather than the whole answer. */ fromFence: boolean }
  | { ok: false; problem: string };

/** The body of the first ```json (or untagged) fenced block, or undefined when there is none. */
export function firstJsonFence(text: string): string | undefined {
  // Scanned line by line so that the closing fence of a ```python block is never taken for an opening one.
  const lines = text.split(/\r?\n/);
  for (let start = 0; start < lines.length; start++) {
    const open = /^\s*(`{3,})\s*([\w+-]*)\s*$/.exec(lines[start]);
    if (!open) continue;
    const fence = open[1];
    let end = start + 1;
    while (end < lines.length && lines[end].trim() !== fence) end++;
    const tag = open[2].toLowerCase();
    if (tag === 'json' || tag === '') return lines.slice(start + 1, end).join('\n');
    start = end;
  }
  return undefined;
}

/** Parses `text` as JSON, keeping the parser's complaint short. */
function parseJson(text: string): { ok: true; value: unknown } | { ok: false; problem: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    // V8 quotes the start of the input ("… "The capita"... is not valid JSON"); the reason quotes it already.
    const message = (error instanceof Error ? error.message : String(error)).replace(/, ".*"(\.\.\.)? is not valid JSON$/s, '');
    return { ok: false, problem: truncate(message.charAt(0).toLowerCase() + message.slice(1), 80) };
  }
}

/** The JSON of an answer: the whole (trimmed) answer when it parses, else its first json fenced block. */
export function readJsonAnswer(text: string): JsonAnswer {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, problem: 'the answer is empty' };
  const whole = parseJson(trimmed);
  if (whole.ok) return { ok: true, value: whole.value, fromFence: false };
  const fenced = firstJsonFence(trimmed);
  if (fenced === undefined) return { ok: false, problem: `not JSON (${whole.problem})` };
  const inner = parseJson(fenced.trim());
  if (inner.ok) return { ok: true, value: inner.value, fromFence: true };
  return { ok: false, problem: `the fenced json block is not JSON (${inner.problem})` };
}
