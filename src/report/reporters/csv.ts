/**
 * results.csv: long format, one row per cell in plan order, for spreadsheets and pandas. The columns below are
 * a contract (stable names and order); `pass` is empty for errored cells, `tool_calls` is the final answer's
 * calls as compact JSON (`[{"name":…,"arguments":…}]`, empty when none), `failed_assertions` joins the reasons
 * of the failed assertions with ` | `.
 */
import type { CellRecord } from '../../run/index.js';
import { CSV_BOM, csvBoolean, csvNumber, CsvRows } from '../text/csv.js';
import { failedAssertions } from '../text/transcript.js';
import type { Reporter, ReportChunk, ReportEnding } from '../types.js';

/** Column names of results.csv, in order. */
export const RESULTS_CSV_COLUMNS = [
  'id',
  'prompt',
  'case',
  'model',
  'model_id',
  'repeat',
  'seed',
  'output',
  'tool_calls',
  'finish_reason',
  'pass',
  'score',
  'error_code',
  'error_message',
  'latency_ms',
  'ttft_ms',
  'prompt_tokens',
  'completion_tokens',
  'total_tokens',
  'cost_usd',
  'attempts',
  'cached',
  'failed_assertions',
  'request_hash',
] as const;

/** Separator of the reasons in `failed_assertions`. */
export const REASON_SEPARATOR = ' | ';

/** Renders results.csv. */
export function renderResultsCsv(): Reporter {
  const rows = new CsvRows();
  return {
    start: () => CSV_BOM + rows.row(RESULTS_CSV_COLUMNS),
    cell: (record: CellRecord): ReportChunk => ({ text: rows.row(resultsCsvFields(record)) }),
    end: (): ReportEnding => ({ before: rows.flush(), withSpool: false, after: '' }),
  };
}

/** The fields of one cell, in `RESULTS_CSV_COLUMNS` order. */
export function resultsCsvFields(record: CellRecord): string[] {
  return [
    record.id,
    record.prompt,
    record.case,
    record.model,
    record.modelId,
    String(record.repeat),
    csvNumber(record.seed),
    record.output ?? '',
    toolCallsJson(record.toolCalls),
    record.finishReason ?? '',
    csvBoolean(record.pass),
    csvNumber(record.score),
    record.error?.code ?? '',
    record.error?.message ?? '',
    csvNumber(record.latencyMs),
    csvNumber(record.ttftMs),
    csvNumber(record.usage?.promptTokens),
    csvNumber(record.usage?.completionTokens),
    csvNumber(record.usage?.totalTokens),
    csvNumber(record.cost),
    String(record.attempts),
    String(record.cached),
    // A conversation's turn assertions count too, named by their turn.
    failedAssertions(record)
      .map((failed) => (failed.type.startsWith('turn ') ? `${failed.type.split(' · ')[0]}: ${failed.reason}` : failed.reason))
      .join(REASON_SEPARATOR),
    record.requestHash,
  ];
}

/** The calls as compact JSON, `argumentsError` only where the arguments did not parse; '' for none. */
export function toolCallsJson(calls: CellRecord['toolCalls'] | undefined): string {
  if (!calls || calls.length === 0) return '';
  return JSON.stringify(
    calls.map((call) => (call.argumentsError === null ? { name: call.name, arguments: call.arguments } : { name: call.name, arguments: null, argumentsError: call.argumentsError })),
  );
}
