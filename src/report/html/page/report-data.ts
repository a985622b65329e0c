/** Reading the JSON blocks the Node reporter embedded in the page. */
import type { RunSummary } from '../../types.js';
import type { PageBaseline, PageCell, PageCellLine, PageJudgment, PageRun } from '../page-data.js';
import { CELL_DEFAULTS, DATA_BLOCK_IDS } from '../page-data.js';

/** Everything the page shows, parsed. */
export interface ReportData {
  run: PageRun;
  /** In plan order, every cell with its messages filled in. */
  cells: PageCell[];
  summary: RunSummary;
  baseline: PageBaseline | null;
  /** Pairwise judgments in plan order; empty when the run judged no pairs. */
  judgments: PageJudgment[];
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
  const judgments: PageJudgment[] = [];
  for (const block of document.querySelectorAll(`script.${DATA_BLOCK_IDS.judgments}`)) {
    for (const judgment of JSON.parse(block.textContent ?? '[]') as PageJudgment[]) judgments.push(judgment);
  }
  return {
    run: readBlock<PageRun>(DATA_BLOCK_IDS.run),
    cells,
    summary: readBlock<RunSummary>(DATA_BLOCK_IDS.summary),
    baseline: readBlock<PageBaseline | null>(DATA_BLOCK_IDS.baseline),
    judgments,
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

/** Key of a row and repeat (prompt × case × repeat), under which the page finds a cell's judgments. */
export function judgmentKey(item: { prompt: string; case: string; repeat: number }): string {
  return JSON.stringify([item.prompt, item.case, item.repeat]);
}

/** The judgments grouped by `judgmentKey`, in plan order within each. */
export function judgmentsByRow(judgments: readonly PageJudgment[]): Map<string, PageJudgment[]> {
  const byRow = new Map<string, PageJudgment[]>();
  for (const judgment of judgments) {
    const key = judgmentKey(judgment);
    const list = byRow.get(key);
    if (list) list.push(judgment);
    else byRow.set(key, [judgment]);
  }
  return byRow;
}
