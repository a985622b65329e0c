/**
 * The slim projection of a cell record that a comparison keeps. Two 100,000-cell runs must fit in memory at
 * once, so messages, params, citations and grader calls are dropped and texts are cut short.
 */
import { answerText } from '../wire/index.js';
import type { CellRecord } from '../run/index.js';
import { truncate } from './diff.js';

/** What `compareRuns` needs of one cell. */
export interface CompareCell {
  id: string;
  index: number;
  prompt: string;
  case: string;
  model: string;
  repeat: number;
  /** null when the cell errored (not scored). */
  pass: boolean | null;
  /** In 0..1; null when errored. */
  score: number | null;
  /** The error code when the cell errored. */
  errorCode: string | null;
  /** The answer with its tool calls as `name(args)`, cut to `OUTPUT_CHARS` characters. */
  output: string | null;
  /** Reasons of the failed assertions, each cut to `REASON_CHARS` characters, at most `MAX_REASONS`. */
  failedReasons: string[];
  latencyMs: number | null;
  totalTokens: number | null;
  cost: number | null;
  systemFingerprint: string | null;
  servedModel: string | null;
}

/** Characters of output kept per cell, enough for a readable diff of a flip. */
export const OUTPUT_CHARS = 500;
/** Characters kept per failed-assertion reason. */
export const REASON_CHARS = 200;
/** Failed-assertion reasons kept per cell. */
export const MAX_REASONS = 5;

/** Projects a full cell record to the fields a comparison uses. */
export function toCompareCell(record: CellRecord): CompareCell {
  const cell = toSlimCompareCell(record);
  cell.output = outputOf(record);
  cell.failedReasons = failedReasonsOf(record);
  return cell;
}

/**
 * `toCompareCell` without the output and the failed reasons (null and empty): what the statistics need. Only
 * flipped cells show their output and reasons, so `compare` keeps these slim cells and reads the few flipped
 * records again (see `withFlipDetails`). The strings that repeat across cells (prompt, case, model, served model,
 * fingerprint, error code) are shared through `names` when given: JSON.parse makes a new copy of each on every
 * line, and 200,000 kept cells would hold them all.
 */
export function toSlimCompareCell(record: CellRecord, names?: Map<string, string>): CompareCell {
  return {
    id: record.id,
    index: record.index,
    prompt: shared(names, record.prompt) as string,
    case: shared(names, record.case) as string,
    model: shared(names, record.model) as string,
    repeat: record.repeat,
    pass: record.pass,
    score: record.score,
    errorCode: record.error ? shared(names, record.error.code) : null,
    output: null,
    failedReasons: NO_REASONS,
    latencyMs: record.latencyMs,
    totalTokens: record.usage ? record.usage.totalTokens : null,
    cost: record.cost,
    systemFingerprint: shared(names, record.systemFingerprint),
    servedModel: shared(names, record.servedModel),
  };
}

/** The failed reasons of every slim cell: one frozen empty list rather than one per cell. */
const NO_REASONS: string[] = Object.freeze([]) as unknown as string[];

/** The one copy of `text` kept in `names`. */
function shared(names: Map<string, string> | undefined, text: string | null): string | null {
  if (names === undefined || typeof text !== 'string') return text;
  const known = names.get(text);
  if (known !== undefined) return known;
  names.set(text, text);
  return text;
}

/** The failed-assertion reasons a comparison shows, the turns' included. */
function failedReasonsOf(record: CellRecord): string[] {
  const failedReasons: string[] = [];
  for (const assertion of record.assertions) {
    if (assertion.pass || failedReasons.length >= MAX_REASONS) continue;
    const reason = assertion.error ? `${assertion.type}: ${assertion.error}` : assertion.reason || assertion.type;
    failedReasons.push(cut(reason, REASON_CHARS));
  }
  // A conversation's turns fail on their own assertions too; their reasons say which turn.
  for (const turn of record.turns ?? []) {
    for (const assertion of turn.assertions) {
      if (assertion.pass || failedReasons.length >= MAX_REASONS) continue;
      failedReasons.push(cut(`turn ${turn.turn} · ${assertion.error ? `${assertion.type}: ${assertion.error}` : assertion.reason || assertion.type}`, REASON_CHARS));
    }
  }
  return failedReasons;
}

/** The answer with its tool calls, cut to OUTPUT_CHARS; null when there is neither. */
function outputOf(record: CellRecord): string | null {
  const answer = record.output === null && (record.toolCalls ?? []).length === 0 ? null : answerText(record.output, record.toolCalls);
  return answer === null ? null : cut(answer, OUTPUT_CHARS);
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * Cuts `text` to `maxChars` and, when it did cut, returns a fresh copy: V8 represents `slice` results as views
 * that keep the whole parent alive, which would retain every full answer this projection meant to drop.
 */
function cut(text: string, maxChars: number): string {
  const short = truncate(text, maxChars);
  return short === text ? text : decoder.decode(encoder.encode(short));
}
