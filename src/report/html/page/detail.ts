/**
 * The detail view of one cell, in a modal `<dialog>` (Escape closes it and focus returns to the grid): the full
 * request, the whole output (as the page keeps it), every assertion with its reason, the measures, and the
 * same row's other models next to it, with the row's pairwise verdicts when the run judged pairs.
 */
import type { PageCell, PageFlip, PageJudgment } from '../page-data.js';
import { cellLabel, previewOf } from './cell-status.js';
import { append, clear, h } from './element.js';
import { formatCost, formatCount, formatMs, formatScore } from './format.js';
import { renderPageText } from './page-text-view.js';
import type { Row } from './rows.js';
import { renderWordDiff } from './word-diff.js';

/** The dialog and the way to fill it. */
export class DetailView {
  readonly element: HTMLDialogElement;
  private readonly title: HTMLElement;
  private readonly body: HTMLElement;

  /** `onOpen` switches to another cell (a repeat or another model); `onClose` runs when the dialog closes. */
  constructor(private readonly onOpen: (cell: PageCell) => void, onClose: () => void) {
    this.title = h('h2', { id: 'detail-title' });
    const close = h('button', { type: 'button', 'aria-label': 'Close the detail view' }, '✕ Close');
    close.addEventListener('click', () => this.element.close());
    this.body = h('div', { class: 'detail-body' });
    this.element = h('dialog', { class: 'detail', 'aria-labelledby': 'detail-title', 'data-testid': 'detail' }, h('div', { class: 'detail-head' }, this.title, close), this.body);
    this.element.addEventListener('close', onClose);
  }

  /**
   * Shows one cell of a row, with the row's other models, the baseline flip of the cell if there is one, and the
   * pairwise judgments of its row and repeat.
   */
  show(cell: PageCell, row: Row, models: readonly string[], flip: PageFlip | undefined, judgments: readonly PageJudgment[] = []): void {
    clear(this.title);
    clear(this.body);
    const { status, text } = cellLabel(cell);
    this.title.append(h('span', { class: `status ${status}` }, text), ' ', cell.id);
    this.body.dataset.cell = cell.id;
    append(this.body, [
      this.repeats(cell, row),
      h('h3', null, 'Assertions'),
      assertionTable(cell),
      cell.error ? h('div', null, h('h3', null, 'Error'), h('pre', { 'data-testid': 'detail-error' }, `${cell.error.code}${cell.error.status ? ` (HTTP ${cell.error.status})` : ''}: ${cell.error.message}`)) : null,
      h('h3', null, 'Output'),
      cell.output ? renderPageText(cell.output, 'detail-output') : h('p', { class: 'muted' }, 'No output.'),
      ...extras(cell),
      flip ? h('div', null, h('h3', null, `Against the baseline: ${flip.direction === 'pass-to-fail' ? 'pass → fail' : 'fail → pass'}`), renderWordDiff(flip.diff)) : null,
      h('h3', null, 'Measures'),
      facts(cell),
      h('h3', null, 'Request'),
      ...(cell.messages ?? []).map((message) => h('div', null, h('div', { class: 'role' }, message.role), renderPageText(message.content))),
      h('pre', { 'aria-label': 'Parameters' }, JSON.stringify({ seed: cell.seed, ...cell.params }, null, 2)),
      h('h3', null, 'Other models in this row'),
      this.others(cell, row, models),
      judgments.length > 0 ? h('h3', null, 'Pairwise') : null,
      judgments.length > 0 ? h('ul', { class: 'pairwise-verdicts', 'data-testid': 'detail-pairwise' }, ...judgments.map(judgmentItem)) : null,
    ]);
    if (!this.element.open) this.element.showModal();
    this.body.scrollTop = 0;
  }

  /** Closes the dialog if open. */
  close(): void {
    if (this.element.open) this.element.close();
  }

  private button(label: string, cell: PageCell): HTMLButtonElement {
    const button = h('button', { type: 'button', 'data-cell': cell.id }, label);
    button.addEventListener('click', () => this.onOpen(cell));
    return button;
  }

  private repeats(cell: PageCell, row: Row): HTMLElement | null {
    const cells = row.slots.get(cell.model)?.cells ?? [];
    if (cells.length < 2) return null;
    return h('nav', { 'aria-label': 'Repeats', class: 'toolbar' }, 'Repeats:', ...cells.map((other) => {
      const button = this.button(`#${other.repeat} ${cellLabel(other).text}`, other);
      if (other === cell) button.setAttribute('aria-current', 'true');
      return button;
    }));
  }

  private others(cell: PageCell, row: Row, models: readonly string[]): HTMLElement {
    const buttons = models.filter((model) => model !== cell.model).flatMap((model) => {
      const other = row.slots.get(model)?.cells.find((candidate) => candidate.repeat === cell.repeat) ?? row.slots.get(model)?.cells[0];
      if (!other) return [];
      const button = this.button('', other);
      button.append(h('strong', null, model), ' ', cellLabel(other).text, h('div', { class: 'muted' }, previewOf(other, 300)));
      return [button];
    });
    return buttons.length > 0 ? h('div', { class: 'others' }, ...buttons) : h('p', { class: 'muted' }, 'No other model in this row.');
  }
}

/** What the judge decided about one pair, as a sentence. */
export function judgmentOutcome(judgment: PageJudgment): string {
  const { modelA, modelB, winner } = judgment;
  if (winner === 'a') return `${modelA} beat ${modelB}`;
  if (winner === 'b') return `${modelB} beat ${modelA}`;
  if (winner === 'tie') {
    const bothTie = judgment.verdicts.every((verdict) => verdict.better === 'tie');
    return `${modelA} and ${modelB}: tie (${bothTie ? 'the judge called it a tie both ways' : 'the judge disagreed with itself when the answers were swapped'})`;
  }
  return `${modelA} and ${modelB}: not judged (the judge failed)`;
}

/** One verdict, from the side of the model the judge saw first. */
function verdictLine(verdict: PageJudgment['verdicts'][number], judgment: PageJudgment): HTMLElement {
  const [first, second] = verdict.order === 'ab' ? [judgment.modelA, judgment.modelB] : [judgment.modelB, judgment.modelA];
  const preferred = verdict.better === 'first' ? `preferred ${first}` : verdict.better === 'second' ? `preferred ${second}` : verdict.better === 'tie' ? 'called it a tie' : 'gave no readable verdict';
  return h('li', null, `${first} shown first: ${preferred}`, verdict.reason ? h('div', { class: 'muted' }, renderPageText(verdict.reason)) : null);
}

function judgmentItem(judgment: PageJudgment): HTMLElement {
  return h(
    'li',
    { 'data-model-a': judgment.modelA, 'data-model-b': judgment.modelB },
    h('strong', { 'data-testid': 'pairwise-outcome' }, judgmentOutcome(judgment)),
    judgment.error ? h('div', { class: 'cut' }, 'error: ', renderPageText(judgment.error)) : null,
    judgment.verdicts.length > 0 ? h('ul', null, ...judgment.verdicts.map((verdict) => verdictLine(verdict, judgment))) : null,
  );
}

function assertionTable(cell: PageCell): HTMLElement {
  if (cell.assertions.length === 0) return h('p', { class: 'muted' }, cell.pass === null ? 'Not scored: the cell has no answer.' : 'No assertions.');
  return h(
    'table',
    { 'data-testid': 'assertions' },
    h('thead', null, h('tr', null, h('th', null, 'assertion'), h('th', null, 'result'), h('th', null, 'score'), h('th', null, 'reason'))),
    h('tbody', null, ...cell.assertions.map((assertion) =>
      h(
        'tr',
        null,
        h('td', null, assertion.type, assertion.metric ? h('div', { class: 'muted' }, `metric ${assertion.metric}`) : null),
        h('td', null, h('span', { class: `status ${assertion.pass ? 'pass' : 'fail'}` }, assertion.pass ? '✓ pass' : '✗ fail')),
        h('td', null, formatScore(assertion.score)),
        h('td', { 'data-testid': 'assertion-reason' }, assertion.reason, assertion.error ? h('div', { class: 'cut' }, `error: ${assertion.error}`) : null),
      ),
    )),
  );
}

/** Finish reason, citations (as text: a `javascript:` URL must not become a link) and tool calls. */
function extras(cell: PageCell): (HTMLElement | null)[] {
  return [
    cell.finishReason ? h('div', { class: 'muted' }, `finish reason: ${cell.finishReason}`) : null,
    cell.citations.length > 0
      ? h('div', null, h('h3', null, 'Citations'), h('ol', null, ...cell.citations.map((citation) => h('li', null, citation.title ? `${citation.title} — ` : '', h('code', null, citation.url)))))
      : null,
    cell.toolCalls.length > 0 ? h('div', null, h('h3', null, 'Tool calls'), h('pre', null, JSON.stringify(cell.toolCalls, null, 2))) : null,
  ];
}

function facts(cell: PageCell): HTMLElement {
  const entries: [string, string][] = [
    ['model', `${cell.model} (${cell.modelId})`],
    ['served model', cell.servedModel ?? '—'],
    ['system fingerprint', cell.systemFingerprint ?? '—'],
    ['score', formatScore(cell.score)],
    ['latency', formatMs(cell.latencyMs)],
    ['time to first token', formatMs(cell.ttftMs)],
    ['tokens (prompt / completion / total)', cell.usage ? `${formatCount(cell.usage.promptTokens)} / ${formatCount(cell.usage.completionTokens)} / ${formatCount(cell.usage.totalTokens)}` : '—'],
    ['cost', formatCost(cell.cost)],
    ['cached', cell.cached ? 'yes' : 'no'],
    ['attempts', String(cell.attempts)],
    ['grader calls', String(cell.graderCalls)],
    ['seed', cell.seed === null ? '—' : String(cell.seed)],
  ];
  // Each label and value in one grid item, so a wrapped row never puts a value under another's label.
  return h('dl', { class: 'detail-facts' }, ...entries.map(([label, value]) => h('div', null, h('dt', null, label), h('dd', null, value))));
}
