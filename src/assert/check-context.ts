/**
 * The arguments a JavaScript check or transform is called with, `(output, context)`, and the reading of what a
 * check returns. Both are plain data so they cross into a worker thread by structured clone.
 */
import type { KindContext } from './kind.js';
import { readJsonAnswer } from './json-answer.js';
import { describeType, formatNumber, quote, truncate } from './reason-text.js';
import type { Answer, CheckSource } from './types.js';

/** Time limit of one JavaScript check or transform when the assertion sets no `timeoutMs`. @default 5000 ms */
export const DEFAULT_CHECK_TIMEOUT_MS = 5_000;

/**
 * The `context` argument: the case's vars, the cell's identity and messages, the answer's JSON (as `is-json`
 * reads it; undefined when it is not JSON), its tool calls, usage, latency and cost, and the assertion's own
 * `config`.
 */
export function checkContext(answer: Answer, context: KindContext, config: unknown): Record<string, unknown> {
  const json = readJsonAnswer(answer.output);
  const cell = context.cell;
  return {
    vars: context.vars ?? {},
    prompt: cell?.prompt ?? null,
    case: cell?.case ?? null,
    model: cell?.model ?? null,
    modelId: cell?.modelId ?? null,
    repeat: cell?.repeat ?? null,
    messages: cell?.messages ?? [],
    toolCalls: answer.toolCalls,
    json: json.ok ? json.value : undefined,
    usage: cell?.usage ?? null,
    latencyMs: answer.latencyMs,
    cost: answer.cost,
    config: config ?? {},
  };
}

/** How a check is named in reasons: `checks/refund.mjs#isPolite`, `checks/refund.mjs` (default export), or the expression. */
export function describeSource(source: CheckSource): string {
  // Shown as written, not JSON-quoted: quoting doubled every backslash (`/\\s+/`), as it did for regex patterns.
  if ('expression' in source) return `"${truncate(source.expression.replace(/\s+/g, ' ').trim(), 60)}"`;
  return source.function === null ? source.file : `${source.file}#${source.function}`;
}

/** A check's verdict read from its return value. */
export interface CheckVerdict {
  pass: boolean;
  score: number;
  reason: string | null;
}

/** A returned value, described for an error: its type and a short quote. */
function describeReturned(value: unknown): string {
  if (value === undefined) return 'undefined (did the function forget to return?)';
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return `an object ${truncate(JSON.stringify(value) ?? '{}', 80)}`;
  return `${describeType(value)} ${quote(value)}`;
}

/**
 * Reads what a check returned: a boolean, a number in 0..1 (passing when it reaches `threshold`), or
 * `{pass, score?, reason?}`. Anything else throws, naming what came back, so the assertion is errored.
 */
export function readCheckValue(value: unknown, threshold: number): CheckVerdict {
  const expected = 'expected the check to return true/false, a number in 0..1 or {pass, score, reason}';
  if (typeof value === 'boolean') return { pass: value, score: value ? 1 : 0, reason: null };
  if (typeof value === 'number') {
    if (!(value >= 0 && value <= 1)) throw new Error(`${expected}, got number ${formatNumber(value)}`);
    return { pass: value >= threshold, score: value, reason: null };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${expected}, got ${describeReturned(value)}`);
  const { pass, score, reason } = value as Record<string, unknown>;
  if (typeof pass !== 'boolean') throw new Error(`${expected}, got ${describeReturned(value)} without a boolean "pass"`);
  if (score !== undefined && !(typeof score === 'number' && score >= 0 && score <= 1)) {
    throw new Error(`${expected}, got "score" ${quote(score)}, outside 0..1`);
  }
  if (reason !== undefined && typeof reason !== 'string') throw new Error(`${expected}, got a "reason" that is ${describeType(reason)}, not a string`);
  return { pass, score: typeof score === 'number' ? score : pass ? 1 : 0, reason: reason === undefined || reason.trim() === '' ? null : reason.trim() };
}
