/**
 * The grid: one row per (prompt, case), one column per model. Only the rows in view (plus a margin) are in the
 * DOM, each absolutely placed in a spacer as tall as all rows, so a 100,000-cell run scrolls like a small one.
 * Keyboard: arrows move between cells (roving tabindex), Home/End jump to the first/last row, Page Up/Down
 * move a screen, Enter or Space opens the cell's detail.
 */
import type { PageCell } from '../page-data.js';
import { previewOf, slotLabel, slotScore } from './cell-status.js';
import { clear, h } from './element.js';
import type { Row } from './rows.js';
import { isDisagreeing } from './rows.js';

/** Height of a row in pixels; style.css sets the same value as `--row-height`. */
const ROW_HEIGHT = 64;
/** Rows rendered above and below the visible ones, so a fast scroll does not show blanks. */
const OVERSCAN = 8;

/** The virtualized grid. */
export class Grid {
  /** The scrolling element to place in the page. */
  readonly element: HTMLElement;
  private readonly head: HTMLElement;
  private readonly space: HTMLElement;
  private rows: Row[] = [];
  private models: string[] = [];
  private activeRow = 0;
  private activeColumn = 0;
  private isScheduled = false;

  constructor(private readonly onOpen: (cell: PageCell) => void) {
    this.head = h('div', { class: 'grid-head', role: 'row' });
    this.space = h('div', { class: 'grid-space', role: 'rowgroup' });
    this.element = h('div', { class: 'grid-scroll', role: 'grid', 'aria-label': 'Results: one row per prompt and case, one column per model' }, this.head, this.space);
    this.element.addEventListener('scroll', () => this.schedule());
    this.space.addEventListener('click', (event) => {
      const target = (event.target as Element).closest<HTMLElement>('[data-column]');
      if (target) this.openAt(Number(target.dataset.row), Number(target.dataset.column));
    });
    this.element.addEventListener('keydown', (event) => this.onKey(event));
  }

  /** Shows these rows with these model columns; keeps the active cell where it can. */
  show(rows: Row[], models: string[]): void {
    this.rows = rows;
    this.models = models;
    this.activeRow = Math.min(this.activeRow, Math.max(0, rows.length - 1));
    this.activeColumn = Math.min(this.activeColumn, Math.max(0, models.length - 1));
    const columns = `minmax(180px, 1.1fr) repeat(${models.length}, minmax(200px, 1fr))`;
    this.head.style.gridTemplateColumns = columns;
    clear(this.head);
    this.head.append(h('div', { role: 'columnheader' }, 'Prompt / case'), ...models.map((model) => h('div', { role: 'columnheader', title: model }, model)));
    this.element.setAttribute('aria-rowcount', String(rows.length + 1));
    this.space.style.height = `${Math.max(1, rows.length) * ROW_HEIGHT}px`;
    this.render();
  }

  /** Focuses the active cell (scrolling it into view). */
  focus(): void {
    this.moveTo(this.activeRow, this.activeColumn);
  }

  private schedule(): void {
    if (this.isScheduled) return;
    this.isScheduled = true;
    requestAnimationFrame(() => {
      this.isScheduled = false;
      this.render();
    });
  }

  private render(): void {
    const hadFocus = this.space.contains(document.activeElement);
    clear(this.space);
    if (this.rows.length === 0) {
      this.space.append(h('div', { class: 'empty' }, 'No rows match these filters.'));
      return;
    }
    const offset = this.element.scrollTop - this.space.offsetTop;
    const first = Math.max(0, Math.floor(offset / ROW_HEIGHT) - OVERSCAN);
    const last = Math.min(this.rows.length, Math.ceil((offset + this.element.clientHeight) / ROW_HEIGHT) + OVERSCAN);
    const columns = this.head.style.gridTemplateColumns;
    for (let index = first; index < last; index++) this.space.append(this.renderRow(index, columns));
    if (hadFocus) this.activeElement()?.focus({ preventScroll: true });
  }

  private renderRow(index: number, columns: string): HTMLElement {
    const row = this.rows[index];
    const tags = [
      isDisagreeing(row, this.models) ? h('span', { class: 'tag' }, '≠ models disagree') : null,
      this.models.some((model) => row.flippedModels.includes(model)) ? h('span', { class: 'tag' }, '⇄ flipped') : null,
    ];
    const element = h(
      'div',
      { class: 'grid-row', role: 'row', 'aria-rowindex': index + 2, 'data-prompt': row.prompt, 'data-case': row.case },
      h('div', { class: 'row-label', role: 'rowheader' }, h('div', { class: 'case', title: row.case }, row.case), h('div', { class: 'prompt' }, ...tags, row.prompt)),
      ...this.models.map((model, column) => this.renderCell(row, model, index, column)),
    );
    element.style.gridTemplateColumns = columns;
    element.style.transform = `translateY(${index * ROW_HEIGHT}px)`;
    return element;
  }

  private renderCell(row: Row, model: string, index: number, column: number): HTMLElement {
    const slot = row.slots.get(model);
    const { status, text } = slotLabel(slot);
    const isActive = index === this.activeRow && column === this.activeColumn;
    return h(
      'div',
      {
        class: `cell ${status}`,
        role: 'gridcell',
        tabindex: isActive ? 0 : -1,
        'data-row': index,
        'data-column': column,
        'data-model': model,
        'data-status': status,
        'data-active': isActive ? 'true' : undefined,
        'aria-label': `${model}: ${text}`,
      },
      h('div', null, h('span', { class: `status ${status}` }, text), slot ? h('span', { class: 'muted' }, ` ${slotScore(slot)}`) : null),
      h('div', { class: 'preview' }, previewOf(slot?.cells[0])),
    );
  }

  private activeElement(): HTMLElement | null {
    return this.space.querySelector<HTMLElement>(`[data-row="${this.activeRow}"][data-column="${this.activeColumn}"]`);
  }

  private openAt(index: number, column: number): void {
    this.activeRow = index;
    this.activeColumn = column;
    const cell = this.rows[index]?.slots.get(this.models[column])?.cells[0];
    this.render();
    if (cell) this.onOpen(cell);
  }

  private moveTo(index: number, column: number): void {
    if (this.rows.length === 0) return;
    this.activeRow = Math.max(0, Math.min(this.rows.length - 1, index));
    this.activeColumn = Math.max(0, Math.min(this.models.length - 1, column));
    const top = this.space.offsetTop + this.activeRow * ROW_HEIGHT;
    const headHeight = this.head.offsetHeight;
    if (top - headHeight < this.element.scrollTop) this.element.scrollTop = top - headHeight;
    else if (top + ROW_HEIGHT > this.element.scrollTop + this.element.clientHeight) this.element.scrollTop = top + ROW_HEIGHT - this.element.clientHeight;
    this.render();
    this.activeElement()?.focus({ preventScroll: true });
  }

  private onKey(event: KeyboardEvent): void {
    if (!(event.target as Element).closest('[data-column]')) return;
    const page = Math.max(1, Math.floor(this.element.clientHeight / ROW_HEIGHT) - 1);
    const moves: Record<string, [number, number]> = {
      ArrowDown: [this.activeRow + 1, this.activeColumn],
      ArrowUp: [this.activeRow - 1, this.activeColumn],
      ArrowRight: [this.activeRow, this.activeColumn + 1],
      ArrowLeft: [this.activeRow, this.activeColumn - 1],
      PageDown: [this.activeRow + page, this.activeColumn],
      PageUp: [this.activeRow - page, this.activeColumn],
      Home: [0, this.activeColumn],
      End: [this.rows.length - 1, this.activeColumn],
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      this.moveTo(move[0], move[1]);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.openAt(this.activeRow, this.activeColumn);
    }
  }
}
