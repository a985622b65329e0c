/**
 * What the reader is looking at, kept in the URL hash (`#show=failed&model=gpt-4o&q=paris`) so a link opens the
 * same view: a shared CI artifact link can point at one failing cell.
 */

/** Row filters of the grid. */
export const SHOW_OPTIONS = ['all', 'failed', 'errored', 'disagree', 'flipped'] as const;

/** One of `SHOW_OPTIONS`. */
export type Show = (typeof SHOW_OPTIONS)[number];

/** The whole view. Empty strings mean "no filter" / "nothing open". */
export interface ViewState {
  tab: 'results' | 'baseline';
  show: Show;
  prompt: string;
  model: string;
  query: string;
  /** Id of the cell open in the detail view. */
  cell: string;
}

/** The view of a bare link. */
export const DEFAULT_VIEW: ViewState = { tab: 'results', show: 'all', prompt: '', model: '', query: '', cell: '' };

/** Reads a hash; unknown or malformed values fall back to the defaults. */
export function parseViewHash(hash: string): ViewState {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const show = params.get('show') ?? 'all';
  return {
    tab: params.get('tab') === 'baseline' ? 'baseline' : 'results',
    show: (SHOW_OPTIONS as readonly string[]).includes(show) ? (show as Show) : 'all',
    prompt: params.get('prompt') ?? '',
    model: params.get('model') ?? '',
    query: params.get('q') ?? '',
    cell: params.get('cell') ?? '',
  };
}

/** Writes the non-default parts of a view as a hash (without `#`). */
export function toViewHash(state: ViewState): string {
  const params = new URLSearchParams();
  if (state.tab !== 'results') params.set('tab', state.tab);
  if (state.show !== 'all') params.set('show', state.show);
  if (state.prompt) params.set('prompt', state.prompt);
  if (state.model) params.set('model', state.model);
  if (state.query) params.set('q', state.query);
  if (state.cell) params.set('cell', state.cell);
  return params.toString();
}
