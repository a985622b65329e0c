/** How a model's cells in a row are labelled: a symbol and words, so the state does not rest on colour. */
import type { PageCell } from '../page-data.js';
import { formatScore } from './format.js';
import type { ModelSlot, SlotStatus } from './rows.js';
import { slotStatus } from './rows.js';

const SYMBOLS: Record<SlotStatus, string> = { pass: '✓', fail: '✗', mixed: '◐', error: '⚠', none: '·' };

/** The status line of a slot: `✓ pass`, `✗ fail`, `⚠ error`, or `◐ 2/3 passed` over repeats. */
export function slotLabel(slot: ModelSlot | undefined): { status: SlotStatus; text: string } {
  const status = slotStatus(slot);
  if (!slot) return { status, text: `${SYMBOLS.none} no cell` };
  if (slot.cells.length === 1) return { status, text: `${SYMBOLS[status]} ${status === 'error' ? 'error' : status}` };
  const scored = slot.passed + slot.failed;
  const errored = slot.errored > 0 ? `, ${slot.errored} errored` : '';
  return { status, text: `${SYMBOLS[status]} ${slot.passed}/${scored} passed${errored}` };
}

/** The status of one cell: `✓ pass`, `✗ fail` or `⚠ error`. */
export function cellLabel(cell: PageCell): { status: SlotStatus; text: string } {
  if (cell.pass === null) return { status: 'error', text: `${SYMBOLS.error} error` };
  return cell.pass ? { status: 'pass', text: `${SYMBOLS.pass} pass` } : { status: 'fail', text: `${SYMBOLS.fail} fail` };
}

/** Mean score of a slot's scored cells, as text. */
export function slotScore(slot: ModelSlot): string {
  const scores = slot.cells.map((cell) => cell.score).filter((score): score is number => score !== null);
  if (scores.length === 0) return '';
  return `score ${formatScore(scores.reduce((sum, score) => sum + score, 0) / scores.length)}`;
}

/** The first line of what a cell produced: its output, or its error. */
export function previewOf(cell: PageCell | undefined, chars = 160): string {
  if (!cell) return '';
  const text = cell.output ? cell.output.text : cell.error ? `${cell.error.code}: ${cell.error.message}` : '';
  return text.slice(0, chars).replace(/\s+/g, ' ');
}
