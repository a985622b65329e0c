/**
 * What a comparison refuses to judge. A CI gate is trusted by its exit code alone, so two runs that cannot be
 * compared fairly are an error (exit 2), never a quiet "no change": an unfinished run, different suites, a mock
 * run against a real one, no cell in common, or a head that covers too little of the base.
 */
import { CompareRefusedError, optionRef } from '../errors.js';
import type { RunMeta } from '../run/index.js';
import { endpointOf } from '../wire/index.js';
import { formatCount, formatPercent } from './format.js';

/** One side as the gate sees it. */
export interface GateSide {
  meta: RunMeta;
  /** Where it was read from (a run directory or a results.json), for the resume command; null when unknown. */
  path: string | null;
  /** Distinct cells read. */
  cells: number;
}

/** How much of the base the comparison covered. */
export interface Coverage {
  /** Cells present on both sides. */
  matched: number;
  /** Cells of the base. */
  baseCells: number;
  /** matched / baseCells, 0..1 (1 for an empty base). */
  fraction: number;
  /** The floor it was held to. */
  minCoverage: number;
  /** True when some base cell has no match in the head. */
  isPartial: boolean;
}

/** What the gate allows on purpose. */
export interface GateOptions {
  minCoverage: number;
  allowPartial: boolean;
  allowEndpointChange: boolean;
}

/** True when a side holds a record for every cell its run directory is responsible for. */
export function isComplete(side: GateSide): boolean {
  return side.cells >= side.meta.cells;
}

/** Refuses an unfinished side, different suites or a mock/real mix; checked before any pairing. */
export function assertComparableRuns(base: GateSide, head: GateSide, options: GateOptions): void {
  refuseUnfinished('head', head);
  assertUsableBaseline(base, { suite: head.meta.suite.name, baseUrl: head.meta.baseUrl }, options);
}

/**
 * The checks a baseline must pass before a run compares with it, so `run --baseline` fails before any request:
 * finished, the same suite, and the same kind of endpoint (unless allowed).
 */
export function assertUsableBaseline(base: GateSide, head: { suite: string; baseUrl: string }, options: Pick<GateOptions, 'allowEndpointChange'>): void {
  refuseUnfinished('base', base);
  if (base.meta.suite.name !== head.suite) {
    throw new CompareRefusedError(`the runs are of different suites (base "${base.meta.suite.name}", head "${head.suite}"): compare runs of the same suite`);
  }
  const baseEndpoint = endpointOf(base.meta.baseUrl);
  const headEndpoint = endpointOf(head.baseUrl);
  if (baseEndpoint.kind !== headEndpoint.kind && !options.allowEndpointChange) {
    throw new CompareRefusedError(
      `the base ran against the ${baseEndpoint.kind} endpoint and the head against the ${headEndpoint.kind} one (${baseEndpoint.baseUrl} vs ${headEndpoint.baseUrl}): rerun one of them, or add ${optionRef('allowEndpointChange')} to compare anyway`,
    );
  }
}

function refuseUnfinished(name: 'base' | 'head', side: GateSide): void {
  if (isComplete(side)) return;
  // --resume DIR alone takes the plan options from run.json; only the endpoint must be named again.
  const mock = endpointOf(side.meta.baseUrl).kind === 'mock' ? ' --mock' : '';
  throw new CompareRefusedError(
    `the ${name} run is unfinished: ${formatCount(side.cells)} of ${formatCount(side.meta.cells)} cells have a record; finish it with \`onetoken-eval run ${side.meta.suite.path} --resume ${runDirOf(side.path)}${mock}\` and compare again`,
  );
}

/** The coverage of a comparison; refuses no match at all, and too little coverage unless `allowPartial`. */
export function checkCoverage(matched: number, baseCells: number, options: GateOptions): Coverage {
  const fraction = baseCells === 0 ? 1 : matched / baseCells;
  const coverage = { matched, baseCells, fraction, minCoverage: options.minCoverage, isPartial: matched < baseCells };
  if (matched === 0) {
    throw new CompareRefusedError(`no cell of the head matches a cell of the base (${formatCount(baseCells)} base ${baseCells === 1 ? 'cell' : 'cells'}): the runs have no prompt/case/model in common, so there is nothing to judge`);
  }
  if (fraction < options.minCoverage && !options.allowPartial) {
    throw new CompareRefusedError(
      `the head covers ${formatCount(matched)} of the base's ${formatCount(baseCells)} cells (${formatPercent(fraction)}), below ${optionRef('minCoverage')} ${formatPercent(options.minCoverage)}: run the missing cells, or add ${optionRef('allowPartial')} to compare what there is`,
    );
  }
  return coverage;
}

/** `compared 27 of 30 base cells (90.0%)`. */
export function describeCoverage(coverage: Coverage): string {
  return `compared ${formatCount(coverage.matched)} of ${formatCount(coverage.baseCells)} base cells (${formatPercent(coverage.fraction)})`;
}

/** The run directory of a side: a results.json inside a run directory resumes as that directory. */
function runDirOf(path: string | null): string {
  if (path === null) return '<run-dir>';
  return /(^|[\\/])results\.json$/.test(path) ? path.replace(/[\\/]?results\.json$/, '') || '.' : path;
}
