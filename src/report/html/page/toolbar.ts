/** The grid's filter controls: which rows, which prompt, which model, free-text search, and the row count. */
import { h } from './element.js';
import { formatCount } from './format.js';
import type { Show, ViewState } from './view-state.js';

const SHOW_LABELS: Record<Show, string> = {
  all: 'All rows',
  failed: 'Failed',
  errored: 'Errored',
  disagree: 'Models disagree',
  flipped: 'Flipped vs baseline',
};

/** The controls and the way to bring them in line with a view. */
export interface Toolbar {
  element: HTMLElement;
  search: HTMLInputElement;
  /** Sets each control from the view and writes the row count. */
  update(state: ViewState, shownRows: number, totalRows: number): void;
}

function select(label: string, testId: string, options: [string, string][]): HTMLSelectElement {
  return h('select', { 'aria-label': label, 'data-testid': testId }, ...options.map(([value, text]) => h('option', { value }, text)));
}

/** Builds the toolbar; `onChange` receives the part of the view a control changed. */
export function createToolbar(prompts: readonly string[], models: readonly string[], hasBaseline: boolean, onChange: (patch: Partial<ViewState>) => void): Toolbar {
  const shows = (Object.keys(SHOW_LABELS) as Show[]).filter((show) => show !== 'flipped' || hasBaseline);
  const show = select('Show rows', 'filter-show', shows.map((value) => [value, SHOW_LABELS[value]]));
  const prompt = select('Prompt', 'filter-prompt', [['', 'All prompts'], ...prompts.map((name): [string, string] => [name, name])]);
  const model = select('Model', 'filter-model', [['', 'All models'], ...models.map((name): [string, string] => [name, name])]);
  const search = h('input', { type: 'search', placeholder: 'Search outputs and variables ( / )', 'aria-label': 'Search outputs and variables', 'data-testid': 'search' });
  const count = h('span', { class: 'count', role: 'status', 'aria-live': 'polite', 'data-testid': 'row-count' });
  show.addEventListener('change', () => onChange({ show: show.value as Show }));
  prompt.addEventListener('change', () => onChange({ prompt: prompt.value }));
  model.addEventListener('change', () => onChange({ model: model.value }));
  search.addEventListener('input', () => onChange({ query: search.value }));
  return {
    element: h('div', { class: 'toolbar', role: 'search' }, show, prompt, model, search, count),
    search,
    update(state, shownRows, totalRows) {
      show.value = state.show;
      prompt.value = state.prompt;
      model.value = state.model;
      if (search.value !== state.query) search.value = state.query;
      count.textContent = `${formatCount(shownRows)} of ${formatCount(totalRows)} rows`;
      count.dataset.shown = String(shownRows);
    },
  };
}
