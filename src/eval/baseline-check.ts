/**
 * The checks of `run --baseline` that must pass before any request: the comparison options are valid and the
 * baseline is a finished run of the same suite against the same kind of endpoint. A wrong baseline found after
 * the run has already spent the money.
 */
import { assertUsableBaseline, resolveCompareOptions, type CompareOptions } from '../compare/index.js';
import type { Plan } from '../plan/index.js';
import { MOCK_BASE_URL } from '../run/index.js';
import { readRunSide } from './read-run-side.js';

/** Validates the comparison options and reads the baseline whole, refusing one the run could not be judged against. */
export async function checkBaseline(plan: Plan, baseline: string, options: CompareOptions, isMock: boolean): Promise<void> {
  const resolved = resolveCompareOptions(options);
  const side = await readRunSide(baseline);
  const ids = new Set(side.cells.map((cell) => cell.id));
  // The head's base URL is not known before the endpoint opens; only its kind matters here (a URL change is drift).
  assertUsableBaseline({ meta: side.meta, path: side.path, cells: ids.size }, { suite: plan.suite.name, baseUrl: isMock ? MOCK_BASE_URL : 'real' }, resolved);
}
