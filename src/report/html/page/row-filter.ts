/** Which rows the grid shows for a view: the filters combine (all must hold). */
import type { Row } from './rows.js';
import { haystackOf, isDisagreeing } from './rows.js';
import type { ViewState } from './view-state.js';

/** The models a view shows: the one chosen, or all. */
export function visibleModels(models: readonly string[], state: ViewState): string[] {
  return state.model && models.includes(state.model) ? [state.model] : [...models];
}

/**
 * Whether a row passes the view's filters. `failed`, `errored`, `disagree` and `flipped` look at the shown
 * models only; the search is
 * case-insensitive over the row's prompt, case, request messages (its variables) and outputs.
 */
export function matchesRow(row: Row, state: ViewState, models: readonly string[], query: string): boolean {
  if (state.prompt && row.prompt !== state.prompt) return false;
  if (state.show === 'failed' && !models.some((model) => (row.slots.get(model)?.failed ?? 0) > 0)) return false;
  if (state.show === 'errored' && !models.some((model) => (row.slots.get(model)?.errored ?? 0) > 0)) return false;
  if (state.show === 'disagree' && !isDisagreeing(row, models)) return false;
  if (state.show === 'flipped' && !models.some((model) => row.flippedModels.includes(model))) return false;
  if (state.model && !row.slots.has(state.model)) return false;
  if (query && !haystackOf(row).includes(query)) return false;
  return true;
}

/** The rows to show, in plan order. */
export function filterRows(rows: readonly Row[], state: ViewState, models: readonly string[]): Row[] {
  const query = state.query.trim().toLowerCase();
  return rows.filter((row) => matchesRow(row, state, models, query));
}
