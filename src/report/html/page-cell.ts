/** The projection of a cell record into the page's data: texts cut, grader calls counted, nothing secret. */
import type { CellRecord } from '../../run/index.js';
import type { PageCell } from './page-data.js';
import { cutText } from './page-text.js';

/**
 * Projects one record. `previousMessages` is the JSON of the previous cell's projected messages: when this
 * cell's are the same (every model of a row usually gets the same request), they are left out and the page
 * takes the previous ones, which keeps a wide run's page close to the size of its outputs.
 */
export function toPageCell(record: CellRecord, maxChars: number, previousMessages: string | null): { cell: PageCell; messagesJson: string } {
  const messages = record.messages.map((message) => ({ role: message.role, content: cutText(message.content, maxChars) }));
  const messagesJson = JSON.stringify(messages);
  const cell: PageCell = {
    id: record.id,
    index: record.index,
    prompt: record.prompt,
    case: record.case,
    model: record.model,
    modelId: record.modelId,
    repeat: record.repeat,
    seed: record.seed,
    ...(messagesJson === previousMessages ? {} : { messages }),
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
  return { cell, messagesJson };
}

/** Tool calls, for record versions that carry them; today's records have none. */
function toolCallsOf(record: CellRecord): unknown[] {
  const calls = (record as { toolCalls?: unknown }).toolCalls;
  return Array.isArray(calls) ? calls : [];
}
