/**
 * The grid's rows: one per (prompt, case), holding each model's cells over its repeats. Plan order keeps a
 * row's cells together, so rows are cut where the (prompt, case) changes.
 */
import type { PageCell } from '../page-data.js';

/** One model's cells in a row, with their k/n. */
export interface ModelSlot {
  cells: PageCell[];
  passed: number;
  failed: number;
  errored: number;
}

/** One (prompt, case). */
export interface Row {
  /** Position in the unfiltered list. */
  key: number;
  prompt: string;
  case: string;
  slots: Map<string, ModelSlot>;
  /** Models with a cell in this row that flipped against the baseline. */
  flippedModels: string[];
  /** Lower-cased text searched by the filter, built on first use. */
  haystack: string | null;
}

/** How a slot reads at a glance, and its symbol (the grid never tells states by colour alone). */
export type SlotStatus = 'pass' | 'fail' | 'mixed' | 'error' | 'none';

/** Groups cells given in plan order into rows. */
export function buildRows(cells: readonly PageCell[], flippedIds: ReadonlySet<string>): Row[] {
  const rows: Row[] = [];
  let row: Row | null = null;
  for (const cell of cells) {
    if (!row || row.prompt !== cell.prompt || row.case !== cell.case) {
      row = { key: rows.length, prompt: cell.prompt, case: cell.case, slots: new Map(), flippedModels: [], haystack: null };
      rows.push(row);
    }
    let slot = row.slots.get(cell.model);
    if (!slot) row.slots.set(cell.model, (slot = { cells: [], passed: 0, failed: 0, errored: 0 }));
    slot.cells.push(cell);
    if (cell.pass === null) slot.errored++;
    else if (cell.pass) slot.passed++;
    else slot.failed++;
    if (flippedIds.has(cell.id) && !row.flippedModels.includes(cell.model)) row.flippedModels.push(cell.model);
  }
  return rows;
}

/** `pass` when every scored repeat passed, `fail` when none did, `mixed` between, `error` when none was scored. */
export function slotStatus(slot: ModelSlot | undefined): SlotStatus {
  if (!slot) return 'none';
  if (slot.passed + slot.failed === 0) return 'error';
  if (slot.failed === 0) return 'pass';
  return slot.passed === 0 ? 'fail' : 'mixed';
}

/**
 * Models disagree when their pass fractions over the row's scored repeats differ (one passes, another fails,
 * or 1/3 against 3/3); models with no scored cell in the row do not take part.
 */
export function isDisagreeing(row: Row, models: readonly string[]): boolean {
  let first: number | null = null;
  for (const model of models) {
    const slot = row.slots.get(model);
    if (!slot || slot.passed + slot.failed === 0) continue;
    const fraction = slot.passed / (slot.passed + slot.failed);
    if (first === null) first = fraction;
    else if (fraction !== first) return true;
  }
  return false;
}

/** The text a row is searched by: prompt, case, the request messages (they hold the variables) and every output. */
export function haystackOf(row: Row): string {
  if (row.haystack !== null) return row.haystack;
  const parts = [row.prompt, row.case];
  const seen = new Set<unknown>();
  for (const slot of row.slots.values()) {
    for (const cell of slot.cells) {
      if (cell.messages && !seen.has(cell.messages)) {
        seen.add(cell.messages);
        for (const message of cell.messages) parts.push(message.content.text);
      }
      if (cell.output) parts.push(cell.output.text);
      if (cell.error) parts.push(cell.error.message);
    }
  }
  row.haystack = parts.join('\n').toLowerCase();
  return row.haystack;
}
