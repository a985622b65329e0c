/**
 * comparison.csv: wide format, one row per (prompt, case, repeat) in plan order with the models side by side:
 * `prompt, case, repeat`, then `<label>:output, <label>:pass, <label>:score, <label>:latency_ms, <label>:tokens`
 * per model; an answer that calls tools shows them as `name(args)` after its text. Columns come from run.json's model list, so a shard or filter that left a model out of a block
 * leaves that model's fields empty instead of shifting columns; an errored cell has `error` as its pass. Plan order puts the models of one repeat
 * next to each other, so only the current row is held.
 */
import { answerText } from '../../wire/index.js';
import { OnetokenEvalError } from '../../errors.js';
import type { CellRecord, RunMeta } from '../../run/index.js';
import { CSV_BOM, csvBoolean, csvNumber, CsvRows } from '../text/csv.js';
import type { Reporter, ReportChunk, ReportEnding } from '../types.js';

/** The columns before the per-model ones. */
export const COMPARISON_FIXED_COLUMNS = ['prompt', 'case', 'repeat'] as const;
/** The per-model column suffixes, after `<label>:`. */
export const COMPARISON_MODEL_COLUMNS = ['output', 'pass', 'score', 'latency_ms', 'tokens'] as const;

interface Row {
  prompt: string;
  case: string;
  repeat: number;
  cells: Map<string, CellRecord>;
}

/** Renders comparison.csv. */
export function renderComparisonCsv(meta: RunMeta): Reporter {
  // Without a model list in run.json (older files), the first row's models fix the columns.
  let models: string[] | null = meta.models?.length ? [...meta.models] : null;
  let row: Row | null = null;
  let isHeaderWritten = false;
  const rows = new CsvRows();

  const flush = (): string => {
    if (row === null) return '';
    models ??= [...row.cells.keys()];
    const header = isHeaderWritten ? '' : CSV_BOM + rows.row(comparisonColumns(models));
    isHeaderWritten = true;
    const text = header + rows.row(comparisonFields(row, models));
    row = null;
    return text;
  };

  return {
    cell(record: CellRecord): ReportChunk {
      let text = '';
      if (row === null || row.prompt !== record.prompt || row.case !== record.case || row.repeat !== record.repeat) {
        text = flush();
        row = { prompt: record.prompt, case: record.case, repeat: record.repeat, cells: new Map() };
      }
      if (models !== null && !models.includes(record.model)) {
        throw new OnetokenEvalError(
          'OTE_INTERNAL',
          `comparison.csv: expected a model of run.json (${models.join(', ')}), got "${record.model}" in ${record.id}`,
        );
      }
      row.cells.set(record.model, record);
      return { text };
    },
    end(): ReportEnding {
      let before = flush();
      if (!isHeaderWritten) before = CSV_BOM + rows.row(comparisonColumns(models ?? []));
      return { before: before + rows.flush(), withSpool: false, after: '' };
    },
  };
}

/** The header of comparison.csv for these model labels. */
export function comparisonColumns(models: readonly string[]): string[] {
  const perModel = models.flatMap((model) => COMPARISON_MODEL_COLUMNS.map((column) => `${model}:${column}`));
  return [...COMPARISON_FIXED_COLUMNS, ...perModel];
}

function comparisonFields(row: Row, models: readonly string[]): string[] {
  const fields = [row.prompt, row.case, String(row.repeat)];
  for (const model of models) {
    const cell = row.cells.get(model);
    if (cell === undefined) fields.push('', '', '', '', '');
    else {
      fields.push(
        answerText(cell.output, cell.toolCalls),
        cell.pass === null ? 'error' : csvBoolean(cell.pass),
        csvNumber(cell.score),
        csvNumber(cell.latencyMs),
        csvNumber(cell.usage?.totalTokens),
      );
    }
  }
  return fields;
}
