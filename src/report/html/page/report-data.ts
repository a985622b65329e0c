/** Reading the JSON blocks the Node reporter embedded in the page. */
import type { RunSummary } from '../../types.js';
import type { PageBaseline, PageCell, PageRun } from '../page-data.js';
import { DATA_BLOCK_IDS } from '../page-data.js';

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

/** Parses the blocks; a cell without messages shares the previous cell's (see page-cell.ts). */
export function readReportData(): ReportData {
  const cells = readBlock<PageCell[]>(DATA_BLOCK_IDS.cells);
  let messages: PageCell['messages'] = [];
  for (const cell of cells) {
    if (cell.messages) messages = cell.messages;
    else cell.messages = messages;
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
