/** Reading the JSON blocks the Node reporter embedded in the page. */
import type { RunSummary } from '../../types.js';
import type { PageBaseline, PageCell, PageCellLine, PageRun } from '../page-data.js';
import { CELL_DEFAULTS, DATA_BLOCK_IDS } from '../page-data.js';

/** Everything the page shows, parsed. */
export interface ReportData {
  run: PageRun;
  /** In plan order, every cell with its messages filled in. */
  cells: PageCell[];
  summary: RunSummary;
  baseline: PageBaseline | null;
}

function readBlock<T>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`report.html: the data block #${id} is missing (was the file cut short?)`);
  return JSON.parse(element.textContent ?? 'null') as T;
}

/**
 * Parses the blocks and restores what the writer left out (see page-cell.ts): each default, and messages and
 * parameters shared with the previous cell (shared by reference, so they cost nothing more).
 */
export function readReportData(): ReportData {
  const lines: PageCellLine[] = [];
  for (const block of document.querySelectorAll(`script.${DATA_BLOCK_IDS.cells}`)) {
    for (const line of JSON.parse(block.textContent ?? '[]') as PageCellLine[]) lines.push(line);
  }
  const defaults = Object.entries(CELL_DEFAULTS);
  let messages: PageCell['messages'] = [];
  let params: PageCell['params'] = {};
  const cells = lines as PageCell[];
  for (const cell of cells) {
    for (const [key, value] of defaults) if (!(key in cell)) (cell as unknown as Record<string, unknown>)[key] = value;
    if (cell.messages) messages = cell.messages;
    else cell.messages = messages;
    if (cell.params) params = cell.params;
    else cell.params = params;
  }
  return {
    run: readBlock<PageRun>(DATA_BLOCK_IDS.run),
    cells,
    summary: readBlock<RunSummary>(DATA_BLOCK_IDS.summary),
    baseline: readBlock<PageBaseline | null>(DATA_BLOCK_IDS.baseline),
  };
}

/** Model labels to lay out: run.json's order, then any other label of the cells in order of appearance. */
export function modelOrder(data: ReportData): string[] {
  const models = [...data.run.models];
  const known = new Set(models);
  for (const model of data.summary.models) {
    if (!known.has(model.model)) {
      known.add(model.model);
      models.push(model.model);
    }
  }
  return models;
}
