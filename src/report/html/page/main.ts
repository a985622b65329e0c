/**
 * Entry of report.html's page: reads the embedded data, draws the header, scorecards, charts, grid and
 * baseline view, and keeps them in line with the view in the URL hash. Keyboard: `/` focuses the search,
 * `g` the grid, arrows move in the grid, Enter opens a cell, Escape closes it.
 */
import type { PageCell, PageFlip } from '../page-data.js';
import { renderBaselineView } from './baseline-view.js';
import { renderCostChart } from './cost-chart.js';
import { DetailView } from './detail.js';
import { append, h } from './element.js';
import { Grid } from './grid.js';
import { renderHeader } from './header.js';
import { renderLatencyChart } from './latency-chart.js';
import { judgmentKey, judgmentsByRow, modelOrder, readReportData } from './report-data.js';
import { filterRows, visibleModels } from './row-filter.js';
import { buildRows, type Row } from './rows.js';
import { renderPairwiseView } from './pairwise-view.js';
import { renderScorecards } from './scorecards.js';
import { createToolbar } from './toolbar.js';
import { parseViewHash, toViewHash, type ViewState } from './view-state.js';

const data = readReportData();
const models = modelOrder(data);
const flips = new Map<string, PageFlip>((data.baseline?.flips ?? []).map((flip) => [flip.id, flip]));
const rows = buildRows(data.cells, new Set(flips.keys()));
const judgments = judgmentsByRow(data.judgments);
let cellIndex: Map<string, { cell: PageCell; row: Row }> | null = null;
/** The cell with this id and its row; the index is built on first use, since most visits open no cell. */
function findCell(id: string): { cell: PageCell; row: Row } | undefined {
  if (!cellIndex) {
    cellIndex = new Map();
    for (const row of rows) for (const slot of row.slots.values()) for (const cell of slot.cells) cellIndex.set(cell.id, { cell, row });
  }
  return cellIndex.get(id);
}
const prompts = [...new Set(rows.map((row) => row.prompt))];

let state: ViewState = parseViewHash(location.hash);

const grid = new Grid((cell) => setState({ cell: cell.id }));
const detail = new DetailView(
  (cell) => setState({ cell: cell.id }),
  () => {
    if (state.cell) setState({ cell: '' });
    if (state.tab === 'results') grid.focus();
  },
);
const toolbar = createToolbar(prompts, models, data.baseline !== null, (patch) => setState(patch));

function tabButton(tab: ViewState['tab'], label: string): HTMLButtonElement {
  const button = h('button', { type: 'button', role: 'tab', 'data-tab': tab }, label);
  button.addEventListener('click', () => setState({ tab }));
  return button;
}
const tabs = [tabButton('results', 'Results'), ...(data.baseline ? [tabButton('baseline', 'Against the baseline')] : [])];
const charts = [
  ['Latency per model (answered cells)', renderLatencyChart(data.cells, data.summary.models)],
  ['Cost against pass rate', renderCostChart(data.summary.models)],
] as const;
const results = h(
  'section',
  { id: 'results', role: 'tabpanel' },
  renderScorecards(data.summary.models),
  renderPairwiseView(data.summary.pairwise),
  h('div', { class: 'charts' }, ...charts.map(([caption, chart]) => (chart ? h('figure', { class: 'chart' }, h('figcaption', null, caption), chart) : null))),
  h('h2', null, 'Cells'),
  toolbar.element,
  grid.element,
);
const baseline = data.baseline ? h('section', { id: 'baseline', role: 'tabpanel' }, renderBaselineView(data.baseline, (id) => setState({ cell: id }))) : null;

const app = document.getElementById('app')!;
app.replaceChildren();
append(app, [renderHeader(data), h('nav', { class: 'tabs', role: 'tablist' }, ...tabs), results, baseline, detail.element]);

/** Changes the view, records it in the hash (replacing the entry: filters are not history) and redraws. */
function setState(patch: Partial<ViewState>): void {
  state = { ...state, ...patch };
  const hash = toViewHash(state);
  if (location.hash.replace(/^#/, '') !== hash) history.replaceState(null, '', hash ? `#${hash}` : location.pathname + location.search);
  apply();
}

let lastFilter = '';
function apply(): void {
  const tab = state.tab === 'baseline' && baseline ? 'baseline' : 'results';
  for (const button of tabs) button.setAttribute('aria-selected', String(button.dataset.tab === tab));
  results.hidden = tab !== 'results';
  if (baseline) baseline.hidden = tab !== 'baseline';
  const shown = visibleModels(models, state);
  const filter = JSON.stringify([state.show, state.prompt, state.model, state.query]);
  // Filtering 100,000 cells costs a few milliseconds; opening a cell must not pay it again.
  if (filter !== lastFilter) {
    lastFilter = filter;
    const matched = filterRows(rows, state, shown);
    grid.show(matched, shown);
    toolbar.update(state, matched.length, rows.length);
  }
  const found = state.cell ? findCell(state.cell) : undefined;
  if (found) detail.show(found.cell, found.row, models, flips.get(found.cell.id), judgments.get(judgmentKey(found.cell)) ?? []);
  else detail.close();
}

window.addEventListener('hashchange', () => {
  state = parseViewHash(location.hash);
  apply();
});
document.addEventListener('keydown', (event) => {
  const target = event.target as HTMLElement;
  if (detail.element.open || target.closest('input, select, textarea')) return;
  if (event.key === '/') {
    event.preventDefault();
    toolbar.search.focus();
  } else if (event.key === 'g') {
    grid.focus();
  }
});

apply();
document.body.dataset.ready = 'true';
// The first screen is drawn: bench/report-page.mjs reads this mark (milliseconds since navigation started).
performance.mark('ote-first-screen');
