/**
 * The projection of a cell record into the page's data (texts cut, grader calls counted, defaults left out),
 * and of a pairwise judgment (reasons cut, ids and grader calls left out).
 */
import type { CellRecord, JudgmentRecord } from '../../run/index.js';
import { CELL_DEFAULTS, JUDGMENT_REASON_CHARS, type PageCell, type PageCellLine, type PageJudgment } from './page-data.js';
import { contentOf } from '../text/transcript.js';
import { cutText } from './page-text.js';

/** What the previous cell wrote, so a cell can leave out what it shares with it. */
export interface PreviousCell {
  messagesJson: string | null;
  paramsJson: string | null;
}

/**
 * Projects one record into a page line. Messages and parameters equal to the previous cell's are left out
 * (every model of a row usually gets the same request), and so is each field that holds its default; the page
 * restores both. `previous` is updated for the next cell.
 */
export function toPageCell(record: CellRecord, maxChars: number, previous: PreviousCell): PageCellLine {
  // Images are shown by reference (`[image <file>]`), never as bytes; tool calls are listed with the answer.
  const messages = record.messages.map((message) => ({ role: message.role, content: cutText(contentOf(message.content), maxChars) }));
  const messagesJson = JSON.stringify(messages);
  const paramsJson = JSON.stringify(record.params);
  const cell: PageCell = {
    id: record.id,
    index: record.index,
    prompt: record.prompt,
    case: record.case,
    model: record.model,
    modelId: record.modelId,
    repeat: record.repeat,
    seed: record.seed,
    messages,
    params: record.params,
    output: record.output === null ? null : cutText(record.output, maxChars),
    finishReason: record.finishReason,
    citations: record.citations.map((citation) => ({ url: citation.url, title: citation.title })),
    toolCalls: toolCallsOf(record),
    pass: record.pass,
    score: record.score,
    error: record.error ? { code: record.error.code, message: record.error.message, status: record.error.status } : null,
    assertions: record.assertions.map(({ type, pass, score, reason, metric, error }) => ({ type, pass, score, reason, metric, error })),
    latencyMs: record.latencyMs,
    ttftMs: record.ttftMs,
    usage: record.usage,
    cost: record.cost,
    cached: record.cached,
    attempts: record.attempts,
    servedModel: record.servedModel,
    systemFingerprint: record.systemFingerprint,
    graderCalls: record.graderCalls.length,
  };
  if (messagesJson === previous.messagesJson) delete cell.messages;
  if (paramsJson === previous.paramsJson) delete cell.params;
  previous.messagesJson = messagesJson;
  previous.paramsJson = paramsJson;
  const line = cell as Partial<PageCell>;
  for (const key of Object.keys(CELL_DEFAULTS) as (keyof typeof CELL_DEFAULTS)[]) {
    if (isDefault(line[key])) delete line[key];
  }
  return line as PageCellLine;
}

/** null, false, 0 and [] are the defaults of `CELL_DEFAULTS`. */
function isDefault(value: unknown): boolean {
  return value === null || value === false || value === 0 || (Array.isArray(value) && value.length === 0);
}

/** Tool calls, for record versions that carry them; today's records have none. */
function toolCallsOf(record: CellRecord): unknown[] {
  const calls = (record as { toolCalls?: unknown }).toolCalls;
  return Array.isArray(calls) ? calls : [];
}

/** Projects one judgment into the page: its row, models, outcome and verdicts, each reason cut to a few lines. */
export function toPageJudgment(record: JudgmentRecord): PageJudgment {
  const cut = (text: string | null) => (text === null ? null : cutText(text, JUDGMENT_REASON_CHARS));
  return {
    prompt: record.prompt,
    case: record.case,
    repeat: record.repeat,
    modelA: record.modelA,
    modelB: record.modelB,
    winner: record.winner,
    verdicts: record.verdicts.map(({ order, better, reason }) => ({ order, better, reason: cut(reason) })),
    error: cut(record.error),
  };
}
